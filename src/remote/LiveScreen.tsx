import { useCallback, useState } from 'react';
import { formatSpan } from './healthFormat';
import type { Lang } from '../remote-shared/lang';
import type { Strings } from './i18n';
import { RefusalText } from '../remote-shared/RefusalText';
import { askingAgainHelps, useScreenshot } from './useScreenshot';

/**
 * The live screen: a small picture of what the kiosk really shows (`GET /api/screenshot`), its age, and a tap
 * to take a new one; when there is no picture, why, in the interface's words and the host's. A host that can
 * never see its screen gets no tap: asking again cannot help there.
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
  const [cssWidth, setCssWidth] = useState(180);
  const box = useCallback((frame: HTMLElement | null) => {
    if (frame !== null) setCssWidth(frame.clientWidth);
  }, []);
  const { state, refresh } = useScreenshot(props.token, props.active, props.slideKey, cssWidth);
  const tappable = askingAgainHelps(state);
  const shot = state.kind === 'ok' ? state.shot : state.last;
  const busy = state.kind === 'loading' || (state.kind === 'ok' && state.refreshing);
  const age =
    shot === null
      ? null
      : now - shot.receivedAt < 2000
        ? t.shotJustNow
        : t.shotTaken(formatSpan(now - shot.receivedAt, lang));
  const picture =
    shot !== null ? (
      <img src={shot.url} alt={t.shotAlt} className={state.kind === 'unavailable' ? 'stale' : ''} />
    ) : (
      <span className="shot-empty">—</span>
    );
  return (
    <section
      className="live-screen"
      aria-label={t.liveScreen}
      data-testid="live-screen"
      data-state={state.kind}
    >
      {tappable ? (
        <button
          ref={box}
          type="button"
          className={`shot-frame${busy ? ' busy' : ''}`}
          onClick={refresh}
          aria-label={`${t.liveScreen}: ${t.tapToRefresh}`}
        >
          {picture}
        </button>
      ) : (
        <div ref={box} className={`shot-frame still${busy ? ' busy' : ''}`}>
          {picture}
        </div>
      )}
      <div className="shot-text">
        <div className="card-label">
          <span>{t.liveScreen}</span>
        </div>
        {state.kind === 'unavailable' ? (
          <p className="shot-unavailable">{t.shotUnavailable}</p>
        ) : (
          <p className="shot-age">{busy && shot === null ? t.shotLoading : (age ?? '')}</p>
        )}
        {tappable ? <p className="shot-hint">{t.tapToRefresh}</p> : null}
      </div>
      {state.kind === 'unavailable' ? (
        <p className="shot-reason" data-testid="shot-reason">
          <RefusalText refusal={state.refusal} lang={lang} own={t} />
        </p>
      ) : null}
    </section>
  );
}
