import { describe, expect, it } from 'vitest';
import { PRESENT_TIMEOUT_MS } from '../../../src/core/player/playerTypes';
import { DEFAULT_WATCHDOG_LIMITS, watchdogVerdict } from '../../../src/host/health/watchdog';

const limits = { silentMs: 3000 };

describe('watchdogVerdict', () => {
  it('is content when the slide on screen was acknowledged, however long ago', () => {
    expect(watchdogVerdict(1500, 1000, 1_000_000, limits)).toEqual({ kind: 'ok' });
    expect(watchdogVerdict(1000, 1000, 1_000_000, limits)).toEqual({ kind: 'ok' });
  });

  it('waits while an unacknowledged slide is younger than the limit, saying how long is left', () => {
    expect(watchdogVerdict(null, 1000, 2000, limits)).toEqual({ kind: 'waiting', reloadInMs: 2000 });
    expect(watchdogVerdict(900, 1000, 3999, limits)).toEqual({ kind: 'waiting', reloadInMs: 1 });
  });

  it('orders a reload once an unacknowledged slide reaches the limit', () => {
    expect(watchdogVerdict(null, 1000, 4000, limits)).toEqual({ kind: 'reload', silentMs: 3000 });
    expect(watchdogVerdict(500, 1000, 9000, limits)).toEqual({ kind: 'reload', silentMs: 8000 });
  });

  it('does nothing before anything was shown, and treats a clock that went back as no time passed', () => {
    expect(watchdogVerdict(null, null, 9_999_999, limits)).toEqual({ kind: 'ok' });
    expect(watchdogVerdict(null, 5000, 1000, limits)).toEqual({ kind: 'waiting', reloadInMs: 3000 });
  });

  it('defaults to three times the time the player waits for an acknowledgement', () => {
    expect(DEFAULT_WATCHDOG_LIMITS.silentMs).toBe(3 * PRESENT_TIMEOUT_MS);
  });
});
