import { isForScreen } from '../player/eligibility';
import { currentSlide, nextEligibleIndex, timeLeftMs } from '../player/playerMachine';
import type { Instant, PlayerState } from '../player/playerTypes';
import { screenSlide } from './screenSlide';
import type { ShowView } from './showView';

/** Per-screen settings that shape a view. */
export type ViewOptions = Readonly<{ screen: string; assetBase: string; keyboard: boolean }>;

/** The view a renderer draws for `state` at `now`. */
export function toShowView(state: PlayerState, now: Instant, options: ViewOptions): ShowView {
  const { playlist, slot } = state;
  const slide = currentSlide(state);
  const upcomingIndex = slot.kind === 'slide' ? nextEligibleIndex(state, slot.index, now) : null;
  const upcoming = upcomingIndex === null ? null : (playlist.slides[upcomingIndex] ?? null);
  const a = state.announcement;
  const { audience } = state;
  const nothingForScreen =
    slot.kind === 'idle' &&
    audience !== null &&
    !playlist.slides.some((candidate) => isForScreen(candidate, audience));
  return {
    seq: slot.seq,
    screen: options.screen,
    event: playlist.event,
    theme: playlist.theme ?? {},
    sessions: playlist.sessions ?? [],
    assetBase: options.assetBase,
    slide: slide === null ? null : screenSlide(slide),
    position: slot.kind === 'slide' ? { index: slot.index + 1, count: playlist.slides.length } : null,
    transition: slide?.transition ?? playlist.defaults?.transition ?? 'fade',
    durationMs: slot.kind === 'slide' ? slot.durationMs : null,
    timeLeftMs: timeLeftMs(state, now),
    paused: state.paused,
    blackout: state.blackout,
    announcement: a
      ? { id: a.id, text: a.text, style: a.style, ...(a.title === undefined ? {} : { title: a.title }) }
      : null,
    upcoming: upcoming && upcoming !== slide ? screenSlide(upcoming) : null,
    keyboard: options.keyboard,
    ...(nothingForScreen ? { nothingForScreen: true } : {}),
    now,
  };
}
