import { FRAME_MS, framesOff } from '../../core/wall/frames';

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
  /** Records a view's `now`, read at page time `pageNow` (default `pageTime()`). */
  note(hostNow: number, pageNow?: number): void;
  /** The current best offset (0 before any view). */
  offsetMs(): number;
  /** A host-clock instant as page time (epoch ms, as `pageTime()`), and back. */
  toPage(hostMs: number): number;
  toHost(pageMs: number): number;
}>;

export function createHostClock(): HostClock {
  let readings: Reading[] = [];
  const offsetMs = (): number =>
    readings.reduce((best, r) => Math.max(best, r.offsetMs), Number.NEGATIVE_INFINITY);
  const current = (): number => (readings.length === 0 ? 0 : offsetMs());
  return {
    note(hostNow, pageNow = pageTime()) {
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

/**
 * The page's clock, epoch ms to a fraction: the same time base as the frames' timestamps (`frameTime`), so a
 * host instant mapped through the offset lands on the right frame (Date.now() floors to whole ms).
 */
export function pageTime(): number {
  return performance.timeOrigin + performance.now();
}

/** The page time (epoch ms) of a requestAnimationFrame timestamp. */
export function frameTime(rafTimestamp: number): number {
  return performance.timeOrigin + rafTimestamp;
}

/**
 * Calls `fn` in the animation frame nearest the host instant `hostAt`, passing that frame's time on the host's
 * clock; at once (next frame) when it has passed. Returns a cancel function. Each frame is compared with the
 * instant through the mapping of that moment, and the frame's host time is read through the same one, so two
 * pages that split across adjacent frames report them less than one frame interval apart, never more. `fn`
 * also gets how many frames off the instant the flip came (a busy machine: frames missed or far apart, or the
 * slide put up too late).
 */
export function atFrameNearest(
  hostAt: number,
  fn: (frameHostTime: number, missedFrames: number) => void,
  clock: HostClock = hostClock,
): () => void {
  let handle = 0;
  let previous: number | null = null;
  const step = (timestamp: number): void => {
    const t = frameTime(timestamp);
    const interval = previous === null ? FRAME_MS : Math.min(100, Math.max(4, t - previous));
    previous = t;
    const hostT = clock.toHost(t);
    // Why: the next frame comes one interval later; flip now if this one is closer to the instant than it.
    if (hostT + interval / 2 >= hostAt) fn(hostT, framesOff(hostT - hostAt));
    else handle = requestAnimationFrame(step);
  };
  handle = requestAnimationFrame(step);
  return () => cancelAnimationFrame(handle);
}
