import { createContext, useContext } from 'react';
import type { ShowView } from '../../core/view/showView';
import { NOTHING_PRELOADED, type Preloaded } from '../assets/preload';

/** What a slide component may use besides its slide: the view, what preloading found, and ways to report. */
export type SlideEnv = Readonly<{
  view: ShowView;
  preloaded: Preloaded;
  /** True on still pictures (preview grid, `marquee render`): no paging, no playback, the clock frozen. */
  still: boolean;
  /** Reports an asset that failed, once per view and ref. */
  report: (kind: 'image-failed' | 'video-failed', ref: string, message: string) => void;
  /** A video without its own duration tells its length here (the host times the slide by it). */
  mediaDuration: (ms: number) => void;
  /** A spanned video on a wall tells where it is: `mediaS` seconds in at host-clock instant `at`, at `rate`. */
  videoTime: (mediaS: number, at: number, rate: number) => void;
}>;

const noop = (): void => undefined;

/** The environment of the slide being drawn. */
export const SlideEnvContext = createContext<SlideEnv | null>(null);

/** The slide environment; throws when used outside a slide (a programming error). */
export function useSlideEnv(): SlideEnv {
  const env = useContext(SlideEnvContext);
  if (env === null) throw new Error('useSlideEnv: a slide component was rendered outside <SlideEnvContext>');
  return env;
}

/** A still environment for `view`, for thumbnails and error fallbacks. */
export function stillEnv(view: ShowView, preloaded: Preloaded = NOTHING_PRELOADED): SlideEnv {
  return { view, preloaded, still: true, report: noop, mediaDuration: noop, videoTime: noop };
}
