import type { HealthScreenWatch } from '../core/channels/healthContract';
import { assertNever } from '../core/assertNever';
import { formatSpan } from './healthFormat';
import type { Lang } from '../remote-shared/lang';
import type { Strings } from './i18n';
import type { Refusal } from '../remote-shared/refusal';
import { RefusalText } from '../remote-shared/RefusalText';

/** The pixel watchdog in the health tab: how the host sees the screen, its last look, and the last problem. */
export function ScreenWatchCard(
  props: Readonly<{ watch: HealthScreenWatch; hostNow: number; elapsed: number; lang: Lang; t: Strings }>,
) {
  const { watch, t, lang } = props;
  const fault = watch.verdict === 'dark' || watch.verdict === 'frozen';
  const p = watch.lastProblem;
  const ago = (at: number) => t.ago(formatSpan(Math.max(0, props.hostNow - at) + props.elapsed, lang));
  return (
    <section
      className={`health-card${fault ? ' is-problem' : p !== null && p.recoveredAt === null ? ' is-warning' : ''}`}
      aria-label={t.screenWatch}
      data-testid="health-screen-watch"
      data-verdict={watch.verdict}
    >
      <div className="card-label">
        <span>{t.screenWatch}</span>
      </div>
      <dl className="kv">
        <div className="kv-row">
          <dt>{t.seenThrough}</dt>
          <dd>{captureWord(watch.capture, t)}</dd>
        </div>
        <div className="kv-row">
          <dt>{t.lastLook}</dt>
          <dd>
            <span className={`word level-${fault ? 'problem' : watch.verdict === 'ok' ? 'ok' : 'warning'}`}>
              {verdictWord(watch.verdict, t)}
            </span>
          </dd>
        </div>
        {watch.reloads + watch.restarts > 0 ? (
          <div className="kv-row">
            <dt>{t.screenReloads}</dt>
            <dd>
              {watch.reloads} / {watch.restarts}
            </dd>
          </div>
        ) : null}
      </dl>
      {watch.unavailable !== null ? (
        <p className="screen-unseen" data-testid="screen-unseen">
          <RefusalText refusal={unseen(watch.capture, watch.unavailable)} lang={lang} own={t} />
        </p>
      ) : null}
      {p !== null ? (
        <p className="screen-problem" data-testid="screen-problem">
          <strong>
            {t.lastProblem} {verdictWord(p.kind, t)}
          </strong>{' '}
          {t.onDisplay(p.display)} · {ago(p.since)} ·{' '}
          {p.action === 'reload' ? t.actionReload : t.actionRestart}
          {' · '}
          {p.recoveredAt === null
            ? t.notRecovered
            : t.recoveredAfter(formatSpan(p.recoveredAt - p.since, lang))}
        </p>
      ) : null}
    </section>
  );
}

/** Why the watchdog cannot look, by the same codes `/api/screenshot` gives: it cannot see the screen, or not yet. */
function unseen(capture: HealthScreenWatch['capture'], reason: string): Refusal {
  return {
    kind: 'refused',
    code: capture === 'none' ? 'screen-not-seen' : 'screen-starting',
    message: reason,
  };
}

function captureWord(capture: HealthScreenWatch['capture'], t: Strings): string {
  switch (capture) {
    case 'devtools':
      return t.captureDevtools;
    case 'electron':
      return t.captureElectron;
    case 'none':
      return t.captureNone;
    default:
      return assertNever(capture);
  }
}

/** The watchdog's verdict in the interface's words. */
export function verdictWord(verdict: HealthScreenWatch['verdict'], t: Strings): string {
  switch (verdict) {
    case 'ok':
      return t.verdictOk;
    case 'dark':
      return t.verdictDark;
    case 'frozen':
      return t.verdictFrozen;
    case 'unknown':
      return t.verdictUnknown;
    default:
      return assertNever(verdict);
  }
}
