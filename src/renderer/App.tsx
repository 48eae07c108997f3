import { useEffect, useLayoutEffect, useState } from 'react';
import type { RendererApi } from '../core/channels/rendererChannel';
import type { ShowView } from '../core/view/showView';
import { AnnouncementOverlay, PausedIndicator } from './overlays/Overlays';
import { ShowStage } from './show/ShowStage';
import { Stage } from './stage/Stage';
import { backgroundStyle, themeVariables } from './theme/themeStyle';
import { type Clock, ClockContext } from './time/clock';
import { hostClock } from './time/hostClock';
import { keyAction } from './keys';

/** The kiosk screen: the rotation, announcement overlay, paused sign and blackout, driven by `api`. */
export function App({ api }: Readonly<{ api: RendererApi }>) {
  const [view, setView] = useState<ShowView | null>(null);
  const [clock, setClock] = useState<Clock>({ offsetMs: 0, frozenAt: null });

  useEffect(
    () =>
      api.onShow((v) => {
        hostClock.note(v.now);
        setView(v);
        setClock((c) => {
          const offsetMs = v.now - Date.now();
          // Why: re-render the clocks only when the host's clock moved noticeably against ours.
          return Math.abs(offsetMs - c.offsetMs) > 250 ? { offsetMs, frozenAt: null } : c;
        });
      }),
    [api],
  );

  const keyboard = view?.keyboard ?? false;
  useLayoutEffect(() => {
    if (!keyboard) return;
    const onKey = (e: KeyboardEvent): void => {
      const action = keyAction(e.key);
      if (action === null || e.repeat) return;
      e.preventDefault();
      api.key(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keyboard, api]);

  if (view === null) return <div className="screen screen-waiting" data-waiting="" />;
  return (
    <ClockContext.Provider value={clock}>
      <div
        className="screen"
        data-keyboard={keyboard ? 'on' : 'off'}
        style={{ ...backgroundStyle(view.theme, view.assetBase), ...themeVariables(view.theme) }}
      >
        <Stage>
          <ShowStage view={view} api={api} />
          <AnnouncementOverlay view={view} />
          <PausedIndicator view={view} />
        </Stage>
        {view.blackout ? <div className="blackout" data-blackout="" /> : null}
      </div>
    </ClockContext.Provider>
  );
}
