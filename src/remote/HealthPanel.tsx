import type { ReactNode } from 'react';
import type { Health } from '../core/channels/healthContract';
import { assertNever } from '../core/assertNever';
import { formatBytes, formatSpan, splitProblem, withoutFolder } from './healthFormat';
import { type HealthLevel, type HealthReason, hostNow, judgeHealth, RECENT_ERROR_MS } from './healthStatus';
import type { Lang } from '../remote-shared/lang';
import { textIn } from '../remote-shared/textIn';
import type { Strings } from './i18n';
import { RefusalText } from '../remote-shared/RefusalText';
import { ScreenWatchCard } from './ScreenWatchCard';
import type { HealthState } from './useHealth';

type Props = Readonly<{ state: HealthState; lang: Lang; t: Strings; now: number }>;

/** The health tab: one verdict in colour and words, then the figures behind it, most urgent first. */
export function HealthPanel({ state, lang, t, now }: Props) {
  if (state.kind === 'loading') {
    return (
      <div className="tab health-tab">
        <StatusCard level={null} title={t.healthLoading} />
      </div>
    );
  }
  const sample = state.kind === 'ok' ? state.sample : state.last;
  const verdict = sample ? judgeHealth(sample.health) : null;
  return (
    <div className="tab health-tab">
      {state.kind === 'unavailable' ? (
        <StatusCard level="unavailable" title={t.levelUnavailable}>
          <p className="status-detail">
            <RefusalText refusal={state.refusal} lang={lang} own={t} />
          </p>
          {sample ? (
            <p className="status-detail">
              {t.lastAnswer(formatSpan(Math.max(0, now - sample.receivedAt), lang))}
            </p>
          ) : null}
        </StatusCard>
      ) : null}
      {sample && verdict ? (
        <div className={state.kind === 'unavailable' ? 'health-body stale' : 'health-body'}>
          {state.kind === 'ok' ? (
            <StatusCard level={verdict.level} title={levelWord(verdict.level, t)}>
              {verdict.reasons.length > 0 ? (
                <ul className="reasons">
                  {verdict.reasons.map((r) => (
                    <li key={r.type}>{reasonText(r, t)}</li>
                  ))}
                </ul>
              ) : null}
              <p className="status-detail">
                {t.upFor(formatSpan(sample.health.uptimeMs + Math.max(0, now - sample.receivedAt), lang))}
                {' · '}
                {t.version} {sample.health.version}
              </p>
            </StatusCard>
          ) : null}
          <Figures health={sample.health} elapsed={Math.max(0, now - sample.receivedAt)} lang={lang} t={t} />
        </div>
      ) : null}
    </div>
  );
}

function Figures({
  health,
  elapsed,
  lang,
  t,
}: Readonly<{ health: Health; elapsed: number; lang: Lang; t: Strings }>) {
  const ago = (ms: number) => t.ago(formatSpan(ms, lang));
  const r = health.renderers;
  const playlist = health.playlist;
  const problem = playlist.ok ? null : splitProblem(playlist.firstProblem);
  const errorAge = health.lastError ? Math.max(0, hostNow(health) - health.lastError.at) : null;
  const gpuOff = health.gpu ? Object.entries(health.gpu).filter(([, v]) => !v.startsWith('enabled')) : [];
  return (
    <>
      <section
        className={`health-card${playlist.ok ? '' : ' is-warning'}`}
        aria-label={t.playlist}
        data-testid="health-playlist"
      >
        <div className="card-label">
          <span>{t.playlist}</span>
          <span className="file-name">{withoutFolder(playlist.file).split(/[\\/]/).pop()}</span>
        </div>
        {problem && !playlist.ok ? (
          <div className="playlist-problem">
            <div className="problem-head">
              <Word level="warning" text={t.playlistRefused} />
              <span className="problem-count">{t.problemCount(playlist.problems)}</span>
            </div>
            {problem.place ? <div className="problem-place mono">{problem.place}</div> : null}
            <div className="problem-message mono">{problem.message}</div>
            {playlist.problems > 1 ? (
              <div className="problem-more">{t.moreProblems(playlist.problems - 1)}</div>
            ) : null}
            <div className="problem-more">{t.previousPlays}</div>
          </div>
        ) : null}
        {playlist.ok ? (
          <Rows
            rows={[
              [t.lastEdit, <Word key="ok" level="ok" text={t.playlistOk} />],
              [t.loaded, ago(Math.max(0, hostNow(health) - playlist.loadedAt) + elapsed)],
            ]}
          />
        ) : null}
      </section>

      <section className="health-card" aria-label={t.slideOnScreen} data-testid="health-slide">
        <div className="card-label">
          <span>{t.slideOnScreen}</span>
          {health.slide ? (
            <span className="position">
              {health.slide.position} / {health.slide.count}
            </span>
          ) : null}
        </div>
        <div className="health-slide-title">{health.slide ? textIn(health.slide.title, lang) : t.idle}</div>
        {health.paused || health.blackout ? (
          <div className="flags">
            {health.paused ? <span className="flag flag-paused">{t.paused}</span> : null}
            {health.blackout ? <span className="flag flag-black">{t.blackoutOn}</span> : null}
          </div>
        ) : null}
      </section>

      <section
        className={`health-card${r.connected === 0 ? ' is-problem' : ''}`}
        aria-label={t.renderers}
        data-testid="health-renderers"
      >
        <div className="card-label">
          <span>{t.renderers}</span>
        </div>
        <Rows
          rows={[
            [
              t.connected,
              <Word key="c" level={r.connected > 0 ? 'ok' : 'problem'} text={String(r.connected)} />,
            ],
            [t.lastAck, r.lastAckAgeMs === null ? t.never : ago(r.lastAckAgeMs + elapsed)],
            [t.missedAcks, `${r.missed} / ${r.changes}`],
            [t.watchdogReloads, String(r.watchdogReloads)],
          ]}
        />
      </section>

      {health.screenWatch ? (
        <ScreenWatchCard
          watch={health.screenWatch}
          hostNow={hostNow(health)}
          elapsed={elapsed}
          lang={lang}
          t={t}
        />
      ) : null}

      <section
        className={`health-card${errorAge !== null && errorAge < RECENT_ERROR_MS ? ' is-warning' : ''}`}
        aria-label={t.lastError}
        data-testid="health-error"
      >
        <div className="card-label">
          <span>{t.lastError}</span>
          {health.lastError ? <span className="card-age">{ago((errorAge ?? 0) + elapsed)}</span> : null}
        </div>
        <div className={health.lastError ? 'error-text mono' : 'muted'}>
          {health.lastError ? withoutFolder(health.lastError.message) : t.none}
        </div>
      </section>

      {health.cache ? (
        <section
          className={`health-card${health.cache.failedFetches > 0 ? ' is-warning' : ''}`}
          aria-label={t.cache}
        >
          <div className="card-label">
            <span>{t.cache}</span>
          </div>
          <Rows
            rows={[
              [t.cacheFiles, String(health.cache.entries)],
              [t.cacheSize, formatBytes(health.cache.bytes)],
              [
                t.cacheFailed,
                <Word
                  key="f"
                  level={health.cache.failedFetches > 0 ? 'warning' : 'ok'}
                  text={String(health.cache.failedFetches)}
                />,
              ],
              ...(health.cache.pendingFetches > 0
                ? [[t.cachePending, String(health.cache.pendingFetches)] as const]
                : []),
            ]}
          />
        </section>
      ) : null}

      {health.displays || health.gpu ? (
        <section className="health-card" aria-label={t.displays} data-testid="health-displays">
          <div className="card-label">
            <span>{health.displays ? t.displays : t.gpu}</span>
          </div>
          <Rows
            rows={[
              ...(health.displays ?? []).map(
                (d) =>
                  [
                    `${d.label || `#${d.id}`}`,
                    `${d.width}×${d.height} · ${d.screen ?? t.displayUnused}`,
                  ] as const,
              ),
              ...(health.gpu
                ? [
                    [
                      t.gpu,
                      gpuOff.length === 0 ? t.gpuAllEnabled : `${t.gpuNotEnabled}: ${gpuOff.length}`,
                    ] as const,
                  ]
                : []),
            ]}
          />
          {gpuOff.length > 0 ? (
            <ul className="gpu-list mono">
              {gpuOff.map(([feature, status]) => (
                <li key={feature}>
                  {feature}: {status}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      <p className="health-foot">
        {t.memory} {formatBytes(health.memory.rssBytes)} · {health.screens.join(', ')}
      </p>
    </>
  );
}

function StatusCard({
  level,
  title,
  children,
}: Readonly<{ level: HealthLevel | 'unavailable' | null; title: string; children?: ReactNode }>) {
  return (
    <section
      className={`status-card level-${level ?? 'loading'}`}
      role="status"
      data-testid="health-status"
      data-level={level ?? 'loading'}
    >
      <div className="status-head">
        <StatusGlyph level={level} />
        <span className="status-word">{title}</span>
      </div>
      {children}
    </section>
  );
}

/** A shape per level, so the verdict never rests on colour alone. */
function StatusGlyph({ level }: Readonly<{ level: HealthLevel | 'unavailable' | null }>) {
  const d =
    level === 'ok'
      ? 'M5 12.5l4.5 4.5L19 7.5'
      : level === 'warning'
        ? 'M12 7v6M12 17v.01'
        : level === 'problem'
          ? 'M7 7l10 10M17 7L7 17'
          : 'M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17v.01';
  return (
    <span className="status-glyph">
      <svg width={22} height={22} viewBox="0 0 24 24" aria-hidden="true">
        <path
          d={d}
          fill="none"
          stroke="currentColor"
          strokeWidth="2.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </span>
  );
}

function Rows({ rows }: Readonly<{ rows: ReadonlyArray<readonly [string, ReactNode]> }>) {
  return (
    <dl className="kv">
      {rows.map(([label, value]) => (
        <div className="kv-row" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Word({ level, text }: Readonly<{ level: HealthLevel; text: string }>) {
  return <span className={`word level-${level}`}>{text}</span>;
}

function levelWord(level: HealthLevel, t: Strings): string {
  switch (level) {
    case 'ok':
      return t.levelOk;
    case 'warning':
      return t.levelWarning;
    case 'problem':
      return t.levelProblem;
    default:
      return assertNever(level);
  }
}

function reasonText(reason: HealthReason, t: Strings): string {
  switch (reason.type) {
    case 'no-renderer':
      return t.reasonNoRenderer;
    case 'renderer-silent':
      return t.reasonRendererSilent;
    case 'screen-fault':
      return reason.kind === 'dark' ? t.reasonScreenDark : t.reasonScreenFrozen;
    case 'playlist-refused':
      return t.reasonPlaylistRefused;
    case 'cache-failures':
      return t.reasonCacheFailures(reason.failed);
    case 'proof-stuck':
      return t.reasonProofStuck(reason.pending);
    default:
      return assertNever(reason);
  }
}
