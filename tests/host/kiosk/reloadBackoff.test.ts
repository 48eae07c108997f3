import { describe, expect, it } from 'vitest';
import { type BackoffPolicy, nextReloadDelay, recordCrash } from '../../../src/host/kiosk/reloadBackoff';

const policy: BackoffPolicy = { firstMs: 500, factor: 2, maxMs: 8_000, stableMs: 60_000 };
const minute = 60_000;

describe('nextReloadDelay', () => {
  it('reloads quickly after a first crash', () => {
    expect(nextReloadDelay([], 1_000_000, policy)).toBe(500);
  });

  it('doubles the delay for each crash in a quick streak', () => {
    const now = 1_000_000;
    expect(nextReloadDelay([now - 1_000], now, policy)).toBe(1_000);
    expect(nextReloadDelay([now - 2_000, now - 1_000], now, policy)).toBe(2_000);
    expect(nextReloadDelay([now - 3_000, now - 2_000, now - 1_000], now, policy)).toBe(4_000);
  });

  it('never waits longer than the cap', () => {
    const now = 10_000_000;
    const storm = Array.from({ length: 30 }, (_, i) => now - (i + 1) * 1_000);
    expect(nextReloadDelay(storm, now, policy)).toBe(8_000);
  });

  it('starts over after the page ran stably', () => {
    const now = 10_000_000;
    expect(
      nextReloadDelay([now - 3 * minute - 2_000, now - 3 * minute - 1_000, now - 3 * minute], now, policy),
    ).toBe(500);
  });

  it('counts only the streak that reaches up to now', () => {
    const now = 10_000_000;
    const oldStreak = [now - 10 * minute, now - 10 * minute + 1_000];
    expect(nextReloadDelay([...oldStreak, now - 5_000], now, policy)).toBe(1_000);
  });

  it('ignores the order of the history and times after now', () => {
    const now = 1_000_000;
    expect(nextReloadDelay([now - 1_000, now + 5_000, now - 2_000], now, policy)).toBe(2_000);
  });
});

describe('recordCrash', () => {
  it('appends the crash and keeps a bounded history', () => {
    let history: readonly number[] = [];
    for (let t = 0; t < 50; t++) history = recordCrash(history, t, 10);
    expect(history).toEqual([40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
  });
});
