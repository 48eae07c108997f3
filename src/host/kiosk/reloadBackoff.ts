import type { Instant } from '../../core/player/playerTypes';

/** How fast a crashed or hung kiosk page is reloaded. */
export type BackoffPolicy = Readonly<{
  /** Delay after a first crash. */
  firstMs: number;
  /** Each crash soon after the previous one multiplies the delay by this. */
  factor: number;
  /** The delay never grows beyond this. */
  maxMs: number;
  /** A page that ran this long without crashing is stable again: the delay starts over. */
  stableMs: number;
}>;

/** Reload at once-ish, then back off up to a minute; two minutes of calm resets it. */
export const DEFAULT_BACKOFF: BackoffPolicy = { firstMs: 500, factor: 2, maxMs: 60_000, stableMs: 120_000 };

/**
 * The delay before reloading a page that crashed at `now`, given when it crashed before (`history`,
 * any order, not including this crash). Crashes closer together than `stableMs` form a streak; each
 * crash in the streak doubles the delay up to the cap.
 */
export function nextReloadDelay(
  history: readonly Instant[],
  now: Instant,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const earlier = history.filter((t) => t <= now).sort((a, b) => b - a);
  let streak = 0;
  let last = now;
  for (const t of earlier) {
    if (last - t >= policy.stableMs) break;
    streak += 1;
    last = t;
  }
  return Math.min(policy.maxMs, policy.firstMs * policy.factor ** streak);
}

/** Adds a crash to the history, keeping only what can still affect the delay (the last `keep` entries). */
export function recordCrash(history: readonly Instant[], now: Instant, keep = 32): readonly Instant[] {
  return [...history, now].slice(-keep);
}
