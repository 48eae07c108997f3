import { useEffect, useRef, useState } from 'react';
import { formatSpan } from './healthFormat';
import type { Lang } from '../remote-shared/lang';
import { RefusalText } from '../remote-shared/RefusalText';
import type { Strings } from './i18n';
import { useScreenshot } from './useScreenshot';

/**
 * The live screen: a small picture of what the kiosk really shows (`GET /api/screenshot`), its age, and a tap
 * to take a new one; when there is no picture, why, in the interface's words and the host's.
 */
export function LiveScreen(
  props: Readonly<{
    token: string | null;
    active: boolean;
    slideKey: string | null;
    lang: Lang;
    t: Strings;
    now: number;
  }>,
) {
  const { t, lang, now } = props;
  const box = useRef<HTMLButtonElement | null>(null);
  const [cssWidth, setCssWidth] = useState(180);
  useEffect(() => {
    if (box.current !== null) setCssWidth(box.current.clientWidth);
  }, []);
  const { state, refresh } = useScreenshot(props.token, props.active, props.slideKey, cssWidth);
  const shot = state.kind === 'ok' ? state.shot : state.last;
  const busy = state.kind === 'loading' || (state.kind === 'ok' && state.refreshing);
  const age =
    shot === null
      ? null
      : now - shot.receivedAt < 2000
        ? t.shotJustNow
        : t.shotTaken(formatSpan(now - shot.receivedAt, lang));
  return (
    <section
      className="live-screen"
      aria-label={t.liveScreen}
      data-testid="live-screen"
      data-state={state.kind}
    >
      <button
        ref={box}
        type="button"
        className={`shot-frame${busy ? ' busy' : ''}`}
        onClick={refresh}
        aria-label={`${t.liveScreen}: ${t.tapToRefresh}`}
      >
        {shot !== null ? (
          <img src={shot.url} alt={t.shotAlt} className={state.kind === 'unavailable' ? 'stale' : ''} />
        ) : (
          <span className="shot-empty">—</span>
        )}
      </button>
      <div className="shot-text">
        <div className="card-label">
          <span>{t.liveScreen}</span>
        </div>
        {state.kind === 'unavailable' ? (
          <p className="shot-unavailable">{t.shotUnavailable}</p>
        ) : (
          <p className="shot-age">{busy && shot === null ? t.shotLoading : (age ?? '')}</p>
        )}
        <p className="shot-hint">{t.tapToRefresh}</p>
      </div>
      {state.kind === 'unavailable' ? (
        <p className="shot-reason" data-testid="shot-reason">
          <RefusalText refusal={state.refusal} lang={lang} own={t} />
        </p>
      ) : null}
    </section>
  );
}
