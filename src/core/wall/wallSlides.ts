import { isEligible } from '../player/eligibility';
import { plannedDurationMs } from '../player/playerMachine';
import type { Playlist } from '../playlist/types';
import type { WallSlide } from './wallRotation';

/**
 * The wall's rotation at fleet time `fleetNow`: the playlist's slides that may play then, with their planned
 * durations. Every member computes it from the same playlist and the same fleet time, so they agree. A video
 * without `duration` counts with the default duration (a member cannot know its length before it loads):
 * wall videos should say how long they play.
 */
export function wallSlidesAt(playlist: Playlist, fleetNow: number): readonly WallSlide[] {
  return playlist.slides
    .filter((slide) => isEligible(playlist, slide, fleetNow))
    .map((slide) => ({ id: slide.id, durationMs: plannedDurationMs(playlist, slide) }));
}
