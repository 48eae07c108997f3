import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nextShotAt,
  retryAfterMs,
  SHOT_AFTER_CHANGE_MS,
  SHOT_AUTO_MS,
  SHOT_MIN_GAP_MS,
  type ShotTrigger,
} from '../../src/remote/screenshotTiming';

const trigger = fc.constantFrom<ShotTrigger>('open', 'tap', 'slide-change', 'auto');

describe('nextShotAt', () => {
  it('never asks sooner than the least gap after the last request, nor before Retry-After, nor in the past', () => {
    fc.assert(
      fc.property(
        trigger,
        fc.integer({ min: 0, max: 1e9 }),
        fc.option(fc.integer({ min: -60_000, max: 0 }), { nil: null }),
        fc.option(fc.integer({ min: -5_000, max: 60_000 }), { nil: null }),
        (t, now, lastAgo, retryIn) => {
          const last = lastAgo === null ? null : now + lastAgo;
          const retry = retryIn === null ? null : now + retryIn;
          const at = nextShotAt(t, now, last, retry);
          expect(at).toBeGreaterThanOrEqual(now);
          if (last !== null) expect(at).toBeGreaterThanOrEqual(last + SHOT_MIN_GAP_MS);
          if (retry !== null) expect(at).toBeGreaterThanOrEqual(retry);
        },
      ),
    );
  });

  it('asks at once for a tap, a little after a slide change, and by itself only every 20 s', () => {
    expect(nextShotAt('tap', 10_000, 5_000, null)).toBe(10_000);
    expect(nextShotAt('tap', 10_000, 9_500, null)).toBe(9_500 + SHOT_MIN_GAP_MS);
    expect(nextShotAt('slide-change', 10_000, 0, null)).toBe(10_000 + SHOT_AFTER_CHANGE_MS);
    expect(nextShotAt('auto', 10_000, 9_000, null)).toBe(9_000 + SHOT_AUTO_MS);
    expect(nextShotAt('tap', 10_000, 0, 13_000)).toBe(13_000);
  });
});

describe('retryAfterMs', () => {
  it('reads whole seconds, rounding up, and falls back to the least gap', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('0.2')).toBe(1000);
    expect(retryAfterMs(null)).toBe(SHOT_MIN_GAP_MS);
    expect(retryAfterMs('soon')).toBe(SHOT_MIN_GAP_MS);
  });
});
