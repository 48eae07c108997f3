import type { FleetScreen } from '../core/channels/hubApiContract';
import type { Lang } from '../remote-shared/lang';
import { textIn } from '../remote-shared/textIn';
import type { FleetStrings } from './i18n';
import type { Thumb } from './useThumbnails';

/** One screen of the fleet: its thumbnail, presence, slide, groups, and what the picture check says. */
export function ScreenRow({
  s,
  t,
  lang,
  now,
  on,
  toggle,
  thumb,
}: Readonly<{
  s: FleetScreen;
  t: FleetStrings;
  lang: Lang;
  now: number;
  on: boolean;
  toggle: (screen: string) => void;
  thumb: Thumb | undefined;
}>) {
  const minutes = Math.max(0, Math.round((now - s.since) / 60_000));
  const watch = s.last?.screenWatch;
  const fault = watch?.verdict === 'dark' || watch?.verdict === 'frozen' ? watch.verdict : null;
  const problem = watch?.lastProblem ?? null;
  const ago = (at: number) => Math.max(0, Math.round((now - at) / 60_000));
  return (
    <li className={`screen ${s.state}${on ? ' picked' : ''}${fault ? ' faulty' : ''}`}>
      <button type="button" onClick={() => toggle(s.screen)} aria-pressed={on}>
        <span className="thumb" aria-hidden={thumb === undefined}>
          {thumb !== undefined ? (
            <img src={thumb.src} alt={t.thumbAlt(s.screen)} width={thumb.width} height={thumb.height} />
          ) : (
            <span className="thumb-none">{t.noThumb}</span>
          )}
          {thumb !== undefined ? <span className="thumb-age">{t.minutesAgo(ago(thumb.at))}</span> : null}
        </span>
        <span className="head">
          <span className="dot" aria-hidden="true" />
          <span className="name">{s.screen}</span>
        </span>
        <span className="state">
          {t[s.state]} · {t.since} {minutes} min
        </span>
        <span className="slide">{textIn(s.last?.slide?.title, lang) || t.noSlide}</span>
        {fault !== null ? (
          <span className="fault" data-testid="screen-fault">
            {fault === 'dark' ? t.dark : t.frozen}
            {problem !== null
              ? ` · ${t.minutesAgo(ago(problem.since))} · ${problem.action === 'reload' ? t.reloaded : t.restarted}`
              : ''}
          </span>
        ) : null}
        <span className="meta">
          {(s.last?.groups ?? []).join(' · ')}
          {s.last && !s.last.healthy ? ' · ⚠' : ''}
          {s.last?.blackout ? ` · ${t.blackout}` : ''}
          {fault === null && problem !== null && problem.recoveredAt !== null
            ? ` · ${t.wasFault(problem.kind === 'dark' ? t.dark : t.frozen, ago(problem.since))}`
            : ''}
        </span>
      </button>
    </li>
  );
}
