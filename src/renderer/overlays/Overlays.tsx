import { AnimatePresence, m } from 'framer-motion';
import { type ReactNode, useMemo } from 'react';
import type { ShowView } from '../../core/view/showView';
import { NOTHING_PRELOADED } from '../assets/preload';
import { type SlideEnv, SlideEnvContext } from '../show/SlideEnv';
import { AnnouncementCard } from '../slides/AnnouncementCard';
import { InlineText } from '../text/InlineText';
import { UI } from '../text/uiText';

const noop = (): void => undefined;

/** The slide environment an overlay's text lays out in: the show's view, nothing preloaded, nothing reported. */
function OverlayEnv({ view, children }: Readonly<{ view: ShowView; children: ReactNode }>) {
  const env = useMemo<SlideEnv>(
    () => ({
      view,
      preloaded: NOTHING_PRELOADED,
      still: false,
      report: noop,
      mediaDuration: noop,
      videoTime: noop,
    }),
    [view],
  );
  return <SlideEnvContext.Provider value={env}>{children}</SlideEnvContext.Provider>;
}

/** An announcement from staff over whatever slide is on screen (info or urgent), faded in and out. */
export function AnnouncementOverlay({ view }: Readonly<{ view: ShowView }>) {
  const a = view.announcement;
  return (
    <OverlayEnv view={view}>
      <AnimatePresence>
        {a === null ? null : (
          <m.div
            key={a.id}
            className={`overlay overlay-${a.style}`}
            data-overlay-announcement={a.id}
            initial={{ opacity: 0 }}
            animate={{ opacity: 1 }}
            exit={{ opacity: 0 }}
            transition={{ duration: 0.35 }}
          >
            <AnnouncementCard title={a.title} text={a.text} style={a.style} />
          </m.div>
        )}
      </AnimatePresence>
    </OverlayEnv>
  );
}

/** A small, discreet sign that the rotation is paused. */
export function PausedIndicator({ view }: Readonly<{ view: ShowView }>) {
  if (!view.paused) return null;
  return (
    <OverlayEnv view={view}>
      <div className="paused" data-paused="">
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <rect x="3" y="2" width="3.5" height="12" rx="1" />
          <rect x="9.5" y="2" width="3.5" height="12" rx="1" />
        </svg>
        <InlineText text={UI.paused} />
      </div>
    </OverlayEnv>
  );
}
