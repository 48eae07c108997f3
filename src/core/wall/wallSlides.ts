import { isEligible, isForScreen } from '../player/eligibility';
import { plannedDurationMs } from '../player/playerMachine';
import type { Audience } from '../player/playerTypes';
import type { Playlist } from '../playlist/types';
import type { WallSlide } from './wallRotation';

/** A wall as the audience of its slides: its name alone (see `wallSlidesAt`). */
const wallAudience = (wall: string): Audience => ({ screen: wall, groups: [], wall: null });

/**
 * The wall's rotation at fleet time `fleetNow`: the playlist's slides that may play then, with their planned
 * durations. Every member computes it from the same playlist and the same fleet time, so they agree. A video
 * without `duration` counts with the default duration (a member cannot know its length before it loads):
 * wall videos should say how long they play. With `wall` (its name), only the slides for the wall play: those
 * without `on` and those whose `on` names the wall; a member's own name or groups do not count, so that every
 * member computes the same rotation.
 */
export function wallSlidesAt(playlist: Playlist, fleetNow: number, wall?: string): readonly WallSlide[] {
  const audience = wall === undefined ? null : wallAudience(wall);
  return playlist.slides
    .filter((slide) => isForScreen(slide, audience) && isEligible(playlist, slide, fleetNow))
    .map((slide) => ({ id: slide.id, durationMs: plannedDurationMs(playlist, slide) }));
}

/** Why a wall cannot `goto` a slide of its playlist: the slide is not in the wall's rotation (see `wallSlidesAt`). */
export type WallGotoRefusal = Readonly<{ code: 'not-for-screen' | 'unavailable'; message: string }>;

/**
 * Why wall `wall` cannot go to slide `slideId` at fleet time `at`, or null when it can (or the playlist has no such
 * slide: that is `readWallCommand`'s answer). Why: every member moves to the slide only if it is in the rotation
 * they all compute; a cue to any other slide would change nothing on any member, so the command must say so.
 */
export function wallGotoRefusal(
  playlist: Playlist,
  slideId: string,
  at: number,
  wall: string,
): WallGotoRefusal | null {
  const slide = playlist.slides.find((s) => s.id === slideId);
  if (slide === undefined) return null;
  if (!isForScreen(slide, wallAudience(wall))) {
    return {
      code: 'not-for-screen',
      message: `slide "${slideId}" does not play on wall ${wall}: its "on" is ${(slide.on ?? []).join(', ')}; add "${wall}" to it to show it on the wall`,
    };
  }
  if (!isEligible(playlist, slide, at)) {
    return {
      code: 'unavailable',
      message: `slide "${slideId}" is not in wall ${wall}'s rotation now: it is ${slide.enabled === false ? 'disabled ("enabled": false)' : 'outside its time window ("when")'}; a wall shows only the slides its rotation plays, so enable it or widen its window`,
    };
  }
  return null;
}
