import { describe, expect, it } from 'vitest';
import { ManualClock, offsetClock, scaledClock, systemClock } from '../../../src/host/clock';
import {
  CLOCK_OFFSET_ENV,
  CLOCK_SPEED_ENV,
  clockSpeedFromEnv,
  serveTimingFromEnv,
  WATCHDOG_ENV,
} from '../../../src/host/health/clockSpeed';
import { DEFAULT_WATCHDOG_LIMITS } from '../../../src/host/health/watchdog';

describe('scaledClock', () => {
  it('moves time `speed` times faster and shortens timers by the same factor', () => {
    const base = new ManualClock(1_000);
    const fast = scaledClock(20, base);
    const fired: number[] = [];
    fast.setTimer(1_000, () => fired.push(fast.now()));
    base.advance(49);
    expect(fired).toEqual([]);
    base.advance(1);
    expect(fired).toEqual([1_000 + 50 * 20]);
    base.advance(100);
    expect(fast.now()).toBe(1_000 + 150 * 20);
  });

  it('refuses a speed that is not a positive number', () => {
    expect(() => scaledClock(0)).toThrow(/speed must be > 0/);
    expect(() => scaledClock(Number.NaN)).toThrow(/speed must be > 0/);
  });
});

describe('clockSpeedFromEnv', () => {
  it('is 1 when unset and the number given otherwise', () => {
    expect(clockSpeedFromEnv({})).toEqual({ ok: true, speed: 1 });
    expect(clockSpeedFromEnv({ [CLOCK_SPEED_ENV]: ' 20 ' })).toEqual({ ok: true, speed: 20 });
  });

  it('names the variable and the fix for a bad value', () => {
    const bad = clockSpeedFromEnv({ [CLOCK_SPEED_ENV]: 'fast' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/MARQUEE_CLOCK_SPEED=fast: must be a number from 1 to 1000/);
    expect(clockSpeedFromEnv({ [CLOCK_SPEED_ENV]: '0.5' }).ok).toBe(false);
  });
});

describe('serveTimingFromEnv', () => {
  it('uses the real clock and the default watchdog limit when nothing is set', () => {
    const timing = serveTimingFromEnv({});
    expect(timing.ok && timing.timing.clock).toBe(systemClock);
    expect(timing.ok && timing.timing.limits).toEqual(DEFAULT_WATCHDOG_LIMITS);
  });

  it('speeds the clock up and takes the watchdog limit from the environment', () => {
    const timing = serveTimingFromEnv({ [CLOCK_SPEED_ENV]: '50', [WATCHDOG_ENV]: '4000' });
    if (!timing.ok) throw new Error(timing.message);
    const before = Date.now();
    const start = timing.timing.clock.now();
    expect(start).toBeGreaterThanOrEqual(before - 5);
    expect(timing.timing.limits).toEqual({ silentMs: 4000 });
  });

  it('names the variable and the range of a bad watchdog limit', () => {
    const bad = serveTimingFromEnv({ [WATCHDOG_ENV]: '5' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/MARQUEE_WATCHDOG_MS=5: must be whole milliseconds from 1000/);
  });
});

describe('clock offset (MARQUEE_CLOCK_OFFSET_MS)', () => {
  it('sets the clock off and leaves timers alone', () => {
    const base = new ManualClock(10_000);
    const late = offsetClock(-150, base);
    const fired: number[] = [];
    late.setTimer(100, () => fired.push(base.now()));
    expect(late.now()).toBe(9_850);
    base.advance(100);
    expect(fired).toEqual([10_100]);
    expect(() => offsetClock(Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });

  it('is read from the environment, with the speed, and a bad value names the fix', () => {
    const timing = serveTimingFromEnv({ [CLOCK_OFFSET_ENV]: '200' });
    if (!timing.ok) throw new Error(timing.message);
    expect(timing.timing.offsetMs).toBe(200);
    expect(timing.timing.clock.now() - Date.now()).toBeGreaterThanOrEqual(195);
    expect(timing.timing.clock.now() - Date.now()).toBeLessThanOrEqual(205);
    const bad = serveTimingFromEnv({ [CLOCK_OFFSET_ENV]: '1.5s' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/MARQUEE_CLOCK_OFFSET_MS=1.5s: must be whole milliseconds/);
  });
});
