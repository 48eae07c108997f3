/**
 * The page's best mapping to the host's clock, for walls: host time = page time + offset.
 *
 * Each view carries the host's clock when it was made (`view.now`). It reaches the page some delay later,
 * so `view.now − Date.now()` under-reads the offset by that delay; the largest reading of the last minute
 * is the one that came fastest, the best estimate (a one-way NTP filter). Old readings age out, so a
 * clock that steps is followed within a minute.
 */

const WINDOW_MS = 60_000;

type Reading = Readonly<{ at: number; offsetMs: number }>;

/** A tracker of the host clock offset from the views' timestamps. */
export type HostClock = Readonly<{
  /** Records a view's `now`, read at page time `pageNow` (default Date.now()). */
  note(hostNow: number, pageNow?: number): void;
  /** The current best offset (0 before any view). */
  offsetMs(): number;
  /** A host-clock instant as page time (epoch ms, as Date.now()), and back. */
  toPage(hostMs: number): number;
  toHost(pageMs: number): number;
}>;

export function createHostClock(): HostClock {
  let readings: Reading[] = [];
  const offsetMs = (): number =>
    readings.reduce((best, r) => Math.max(best, r.offsetMs), Number.NEGATIVE_INFINITY);
  const current = (): number => (readings.length === 0 ? 0 : offsetMs());
  return {
    note(hostNow, pageNow = Date.now()) {
      readings = [
        ...readings.filter((r) => pageNow - r.at < WINDOW_MS),
        { at: pageNow, offsetMs: hostNow - pageNow },
      ];
    },
    offsetMs: current,
    toPage: (hostMs) => hostMs - current(),
    toHost: (pageMs) => pageMs + current(),
  };
}

/** The page's one tracker, fed by every view the App receives. */
export const hostClock = createHostClock();

/** The page time (epoch ms) of a requestAnimationFrame timestamp. */
export function frameTime(rafTimestamp: number): number {
  return performance.timeOrigin + rafTimestamp;
}

/**
 * Calls `fn` in the animation frame nearest `pageAt` (page epoch ms), passing that frame's page time;
 * at once (next frame) when it has passed. Returns a cancel function.
 */
export function atFrameNearest(pageAt: number, fn: (framePageTime: number) => void): () => void {
  let handle = 0;
  let previous: number | null = null;
  const step = (timestamp: number): void => {
    const t = frameTime(timestamp);
    const interval = previous === null ? 1000 / 60 : Math.min(100, Math.max(4, t - previous));
    previous = t;
    // Why: the next frame comes one interval later; flip now if this one is closer to pageAt than it.
    if (t + interval / 2 >= pageAt) fn(t);
    else handle = requestAnimationFrame(step);
  };
  handle = requestAnimationFrame(step);
  return () => cancelAnimationFrame(handle);
}
