/** The host's default limit is one screenshot a second per client: the remote never asks faster. */
export const SHOT_MIN_GAP_MS = 1_000;
/** While the Control tab is open and the page visible, the picture is refreshed this often by itself. */
export const SHOT_AUTO_MS = 20_000;
/** After the slide changes the picture is taken again this long after (the transition has run by then). */
export const SHOT_AFTER_CHANGE_MS = 2_000;

/** Why the next picture is asked for. */
export type ShotTrigger = 'open' | 'tap' | 'slide-change' | 'auto';

/**
 * When (phone clock) the next screenshot may be asked for: at once for a tap or on opening, a little after a
 * slide change, `SHOT_AUTO_MS` after the last one by itself; never sooner than `SHOT_MIN_GAP_MS` after the last
 * request, nor before the host's `Retry-After` ran out.
 */
export function nextShotAt(
  trigger: ShotTrigger,
  now: number,
  lastAskedAt: number | null,
  retryAt: number | null,
): number {
  const wanted =
    trigger === 'slide-change'
      ? now + SHOT_AFTER_CHANGE_MS
      : trigger === 'auto'
        ? (lastAskedAt ?? now) + SHOT_AUTO_MS
        : now;
  const earliest = Math.max(lastAskedAt === null ? now : lastAskedAt + SHOT_MIN_GAP_MS, retryAt ?? now);
  return Math.max(wanted, earliest, now);
}

/** Seconds of a `Retry-After` header (at least 1), or the least gap when it is missing or odd. */
export function retryAfterMs(header: string | null): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) * 1000 : SHOT_MIN_GAP_MS;
}
