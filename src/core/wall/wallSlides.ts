import { isEligible, isForScreen } from '../player/eligibility';
import { plannedDurationMs } from '../player/playerMachine';
import type { Playlist } from '../playlist/types';
import type { WallSlide } from './wallRotation';

/**
 * The wall's rotation at fleet time `fleetNow`: the playlist's slides that may play then, with their planned
 * durations. Every member computes it from the same playlist and the same fleet time, so they agree. A video
 * without `duration` counts with the default duration (a member cannot know its length before it loads):
 * wall videos should say how long they play. With `wall` (its name), only the slides for the wall play: those
 * without `on` and those whose `on` names the wall; a member's own name or groups do not count, so that every
 * member computes the same rotation.
 */
export function wallSlidesAt(playlist: Playlist, fleetNow: number, wall?: string): readonly WallSlide[] {
  const audience = wall === undefined ? null : { screen: wall, groups: [], wall: null };
  return playlist.slides
    .filter((slide) => isForScreen(slide, audience) && isEligible(playlist, slide, fleetNow))
    .map((slide) => ({ id: slide.id, durationMs: plannedDurationMs(playlist, slide) }));
}
