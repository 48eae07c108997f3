/** A timer started through a `Clock`. */
export type TimerHandle = Readonly<{ cancel: () => void }>;

/** Time and timers for the host, injected so that tests can run hours of playback in milliseconds. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Calls `fn` once, `delayMs` from now. */
  setTimer(delayMs: number, fn: () => void): TimerHandle;
}

/** The longest single wait; Node's timers overflow past 2^31-1 ms (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The real clock: `Date.now` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => Date.now(),
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
  return { now: () => base.now() + offsetMs, setTimer: (delayMs, fn) => base.setTimer(delayMs, fn) };
}
