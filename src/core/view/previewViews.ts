import { isForScreen } from '../player/eligibility';
import { type Audience, DEFAULT_DURATION_S, type Instant } from '../player/playerTypes';
import type { Playlist } from '../playlist/types';
import { screenSlide } from './screenSlide';
import type { ShowView } from './showView';

/**
 * Settings of a preview: the screen name shown, where the playlist's assets are served, and the screen whose
 * `on` to check (its slides for other screens are marked `notHere`; omitted: every slide is for it).
 */
export type PreviewOptions = Readonly<{ assetBase: string; screen?: string; audience?: Audience }>;

/**
 * One still view per slide of `playlist`, in order, as the renderer would get it at `now`: seq is the
 * 1-based position, nothing paused, blacked out or announced; for the preview grid and `marquee render`.
 * An empty playlist gives the idle screen alone.
 */
export function previewViews(playlist: Playlist, now: Instant, options: PreviewOptions): readonly ShowView[] {
  const base = {
    screen: options.screen ?? 'preview',
    event: playlist.event,
    theme: playlist.theme ?? {},
    sessions: playlist.sessions ?? [],
    assetBase: options.assetBase,
    timeLeftMs: null,
    paused: false,
    blackout: false,
    announcement: null,
    keyboard: false,
    now,
  } as const;
  if (playlist.slides.length === 0) {
    return [
      { ...base, seq: 1, slide: null, position: null, transition: 'fade', durationMs: null, upcoming: null },
    ];
  }
  const count = playlist.slides.length;
  return playlist.slides.map((slide, index) => ({
    ...base,
    seq: index + 1,
    slide: screenSlide(slide),
    position: { index: index + 1, count },
    transition: slide.transition ?? playlist.defaults?.transition ?? 'fade',
    durationMs: (slide.duration ?? playlist.defaults?.duration ?? DEFAULT_DURATION_S) * 1000,
    upcoming: nextOf(playlist.slides, index),
    ...(options.audience === undefined || isForScreen(slide, options.audience) ? {} : { notHere: true }),
  }));
}

function nextOf(slides: Playlist['slides'], index: number): ShowView['upcoming'] {
  const next = slides[(index + 1) % slides.length];
  return next === undefined ? null : screenSlide(next);
}
