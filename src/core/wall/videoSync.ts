/**
 * Keeping a spanned video aligned across a wall: from the media time a screen displays and the
 * wall's position, how to correct. Nudging playbackRate is smooth; seeking stalls and is kept for
 * large errors (the media-element-syncer approach: 0.5 s correction time, 1 s seek threshold).
 */

export type VideoCorrection =
  | Readonly<{ kind: 'rate'; playbackRate: number }>
  | Readonly<{ kind: 'seek'; toSeconds: number }>;

/** Beyond this many seconds off, seek instead of nudging. */
export const SEEK_THRESHOLD_S = 1;
/** The time over which a nudge should close the gap. */
export const CORRECTION_TIME_S = 0.5;
/** Rates stay within 1 ± this. */
export const MAX_RATE_CHANGE = 0.05;
/** Closer than this (about a third of a frame at 60 Hz) is aligned: play at normal speed. */
export const ALIGNED_S = 0.005;

/**
 * The correction for a video displaying `displayedS` when the wall is at `targetS` (both media
 * seconds at the same fleet instant), for a video `durationS` long that loops.
 */
export function videoCorrection(displayedS: number, targetS: number, durationS: number): VideoCorrection {
  const target = durationS > 0 ? ((targetS % durationS) + durationS) % durationS : targetS;
  let behind = target - displayedS;
  // Why: a looping video just past its end is close to one just before it.
  if (durationS > 0 && Math.abs(behind) > durationS / 2) behind -= Math.sign(behind) * durationS;
  if (Math.abs(behind) > SEEK_THRESHOLD_S) return { kind: 'seek', toSeconds: target };
  if (Math.abs(behind) < ALIGNED_S) return { kind: 'rate', playbackRate: 1 };
  const change = Math.max(-MAX_RATE_CHANGE, Math.min(MAX_RATE_CHANGE, behind / CORRECTION_TIME_S));
  return { kind: 'rate', playbackRate: 1 + change };
}
