/** How many requests a client may burst and how fast its allowance comes back. */
export type BucketConfig = Readonly<{ capacity: number; refillPerSecond: number }>;

/** One client's bucket. */
export type Bucket = Readonly<{ tokens: number; updatedAt: number }>;

/** The answer for one request: allowed, or how long to wait. */
export type TakeResult = Readonly<{ bucket: Bucket; allowed: boolean; retryAfterMs: number }>;

/** The default: bursts of 30, then 10 requests a second. */
export const DEFAULT_BUCKET: BucketConfig = { capacity: 30, refillPerSecond: 10 };

/** Takes one token from `bucket` at `now` (a new client starts full); pure. */
export function takeToken(bucket: Bucket | undefined, now: number, config: BucketConfig): TakeResult {
  const start = bucket ?? { tokens: config.capacity, updatedAt: now };
  const elapsed = Math.max(0, now - start.updatedAt);
  const tokens = Math.min(config.capacity, start.tokens + (elapsed * config.refillPerSecond) / 1000);
  if (tokens >= 1) return { bucket: { tokens: tokens - 1, updatedAt: now }, allowed: true, retryAfterMs: 0 };
  const retryAfterMs = Math.ceil(((1 - tokens) * 1000) / config.refillPerSecond);
  return { bucket: { tokens, updatedAt: now }, allowed: false, retryAfterMs };
}

/** A token bucket per client key (IP address) over `takeToken`; forgets clients whose bucket is full again. */
export class RateLimiter {
  readonly #config: BucketConfig;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();

  /** A limiter with `config`, reading time from `now`. */
  constructor(config: BucketConfig = DEFAULT_BUCKET, now: () => number = Date.now) {
    this.#config = config;
    this.#now = now;
  }

  /** Takes one token for `key`. */
  take(key: string): TakeResult {
    const now = this.#now();
    const result = takeToken(this.#buckets.get(key), now, this.#config);
    this.#buckets.set(key, result.bucket);
    if (this.#buckets.size > 1000) this.#forgetFull(now);
    return result;
  }

  #forgetFull(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      const refilled = bucket.tokens + ((now - bucket.updatedAt) * this.#config.refillPerSecond) / 1000;
      if (refilled >= this.#config.capacity) this.#buckets.delete(key);
    }
  }
}
