/** A timer started through a `Clock`. */
export type TimerHandle = Readonly<{ cancel: () => void }>;

/** Time and timers for the host, injected so that tests can run hours of playback in milliseconds. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Calls `fn` once, `delayMs` from now. */
  setTimer(delayMs: number, fn: () => void): TimerHandle;
  /** `now()` with sub-millisecond resolution, where the clock has it (fleet time samples). */
  fineNow?: () => number;
}

/** `clock.fineNow()` where it has one, else `clock.now()`. */
export function fineNowOf(clock: Clock): number {
  return clock.fineNow?.() ?? clock.now();
}

/** How often `preciseNow` re-anchors the monotonic clock to `Date.now()` (which NTP may slew). */
const ANCHOR_EVERY_MS = 10_000;
let anchor: { perf: number; epoch: number } | null = null;

/**
 * Epoch ms with sub-millisecond resolution: `performance.now()` anchored to `Date.now()` at the instant the
 * latter ticks (so the anchor is exact to microseconds, not to a millisecond), re-anchored every 10 s because
 * the monotonic clock drifts from wall time (w3c/hr-time#115). Re-anchoring spins for at most 1 ms.
 */
export function preciseNow(): number {
  const p = performance.now();
  if (anchor === null || p - anchor.perf > ANCHOR_EVERY_MS) {
    const d0 = Date.now();
    let d = d0;
    let at = p;
    // Why: Date.now() floors; right after it ticks it is exact. Bounded: it ticks within 1 ms.
    while (d === d0) {
      d = Date.now();
      at = performance.now();
    }
    anchor = { perf: at, epoch: d };
  }
  return anchor.epoch + (performance.now() - anchor.perf);
}

/** The longest single wait; Node's timers overflow past 2^31-1 ms (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The real clock: `Date.now` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => Date.now(),
  fineNow: preciseNow,
  setTimer(delayMs, fn) {
    const timer = setTimeout(fn, Math.min(MAX_TIMER_MS, Math.max(0, delayMs)));
    return { cancel: () => clearTimeout(timer) };
  },
};

/** A clock that only moves when told to; timers fire in order as `advance` passes them. */
export class ManualClock implements Clock {
  #now: number;
  #timers: { at: number; order: number; fn: () => void }[] = [];
  #order = 0;

  /** Starts at `start` (ms since the epoch). */
  constructor(start: number) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimer(delayMs: number, fn: () => void): TimerHandle {
    const timer = { at: this.#now + Math.max(0, delayMs), order: this.#order++, fn };
    this.#timers.push(timer);
    return { cancel: () => this.#remove(timer) };
  }

  /** Number of timers waiting to fire. */
  get pending(): number {
    return this.#timers.length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way (including ones they start). */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      const due = this.#timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.#remove(due);
      this.#now = Math.max(this.#now, due.at);
      due.fn();
    }
    this.#now = end;
  }

  #remove(timer: { at: number; order: number; fn: () => void }): void {
    this.#timers = this.#timers.filter((t) => t !== timer);
  }
}

/**
 * A clock that runs `speed` times faster than `base` from the moment it is made (tests and the soak run
 * only): `now()` moves `speed` ms per real ms and timers wait `delayMs / speed` real ms.
 */
export function scaledClock(speed: number, base: Clock = systemClock): Clock {
  if (!(speed > 0) || !Number.isFinite(speed))
    throw new Error(`scaledClock: speed must be > 0 (got ${speed})`);
  const origin = base.now();
  return {
    now: () => origin + (base.now() - origin) * speed,
    setTimer: (delayMs, fn) => base.setTimer(Math.max(0, delayMs) / speed, fn),
  };
}

/**
 * A clock `offsetMs` ahead of `base` (behind when negative), for tests only: several screens on one
 * machine whose clocks disagree, as the wall's fleet-time tests need. Timers are unchanged.
 */
export function offsetClock(offsetMs: number, base: Clock = systemClock): Clock {
  if (!Number.isFinite(offsetMs))
    throw new Error(`offsetClock: offset must be a finite number (got ${offsetMs})`);
  const fine = base.fineNow;
  return {
    now: () => base.now() + offsetMs,
    setTimer: (delayMs, fn) => base.setTimer(delayMs, fn),
    ...(fine === undefined ? {} : { fineNow: () => fine() + offsetMs }),
  };
}
