import { describe, expect, it } from 'vitest';
import { RateLimiter, takeToken } from '../../../src/host/control/rateLimiter';

describe('token bucket', () => {
  it('allows a burst of `capacity`, then asks to wait for the next token', () => {
    let now = 1_000;
    const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 2 }, () => now);
    expect([1, 2, 3].map(() => limiter.take('10.0.0.5').allowed)).toEqual([true, true, true]);
    const refused = limiter.take('10.0.0.5');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBe(500);
    now += 500;
    expect(limiter.take('10.0.0.5').allowed).toBe(true);
  });

  it('keeps one bucket per client', () => {
    const limiter = new RateLimiter({ capacity: 1, refillPerSecond: 1 }, () => 0);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('never refills past capacity however long the client was away', () => {
    const r = takeToken({ tokens: 0, updatedAt: 0 }, 3_600_000, { capacity: 5, refillPerSecond: 10 });
    expect(r.bucket.tokens).toBe(4);
  });
});
