import { useEffect, useState } from 'react';
import type { ShowView } from '../../core/view/showView';
import { type Preloaded, preloadView } from '../assets/preload';
import { stillEnv } from '../show/SlideEnv';
import { SlideView } from '../show/SlideView';
import { Stage } from '../stage/Stage';
import { backgroundStyle, themeVariables } from '../theme/themeStyle';
import { ClockContext } from '../time/clock';

/** Props of `StillSlide`: the view, the frame to fill (null: the window) and a callback once it is drawn. */
export type StillSlideProps = Readonly<{
  view: ShowView;
  frame?: Readonly<{ width: number; height: number }>;
  onReady?: () => void;
}>;

/** One slide as a still picture (clock frozen at `view.now`, first sponsor page, video poster), assets loaded first. */
export function StillSlide({ view, frame, onReady }: StillSlideProps) {
  const [preloaded, setPreloaded] = useState<Preloaded | null>(null);
  useEffect(() => {
    let alive = true;
    void preloadView(view).then((p) => {
      if (alive) setPreloaded(p);
    });
    return () => {
      alive = false;
    };
  }, [view]);
  useEffect(() => {
    if (preloaded === null || onReady === undefined) return;
    void document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(onReady)));
  }, [preloaded, onReady]);
  return (
    <ClockContext.Provider value={{ offsetMs: 0, frozenAt: view.now }}>
      <div
        className={frame === undefined ? 'screen' : 'thumb-screen'}
        style={{ ...backgroundStyle(view.theme, view.assetBase), ...themeVariables(view.theme), ...frame }}
      >
        {preloaded === null ? null : (
          <Stage {...(frame === undefined ? {} : { frame })}>
            <div className="show">
              <div
                className="layer"
                style={backgroundStyle(view.theme, view.assetBase)}
                data-seq={view.seq}
                data-slide-type={view.slide?.type ?? 'idle'}
              >
                <SlideView env={stillEnv(view, preloaded)} />
              </div>
            </div>
          </Stage>
        )}
      </div>
    </ClockContext.Provider>
  );
}
