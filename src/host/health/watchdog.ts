import { PRESENT_TIMEOUT_MS } from '../../core/player/playerTypes';

/** How long renderers may stay silent before the watchdog reloads them. */
export type WatchdogLimits = Readonly<{
  /** A slide put up this long ago (host clock) and still not acknowledged means the renderer is stuck. */
  silentMs: number;
}>;

/** The default: three times the time the player waits for an acknowledgement. */
export const DEFAULT_WATCHDOG_LIMITS: WatchdogLimits = { silentMs: 3 * PRESENT_TIMEOUT_MS };

/** What the watchdog makes of the renderers now. */
export type WatchdogVerdict =
  | Readonly<{ kind: 'ok' }>
  | Readonly<{ kind: 'waiting'; reloadInMs: number }>
  | Readonly<{ kind: 'reload'; silentMs: number }>;

/**
 * Decides whether the renderer is stuck: the last view was put up at `lastShowAt` and not acknowledged
 * since (`lastAckAt` before it, or null) for at least `limits.silentMs`. Times are host-clock ms.
 */
export function watchdogVerdict(
  lastAckAt: number | null,
  lastShowAt: number | null,
  now: number,
  limits: WatchdogLimits,
): WatchdogVerdict {
  if (lastShowAt === null) return { kind: 'ok' };
  if (lastAckAt !== null && lastAckAt >= lastShowAt) return { kind: 'ok' };
  const silentMs = Math.max(0, now - lastShowAt);
  if (silentMs >= limits.silentMs) return { kind: 'reload', silentMs };
  return { kind: 'waiting', reloadInMs: limits.silentMs - silentMs };
}
