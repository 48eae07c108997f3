/**
 * Fleet time: each screen's estimate of the hub's clock, from request/response samples over the
 * bus, NTP-style. Pure: the samples are passed in, with times read from the screen's own clock.
 */

/** One exchange: the screen's clock when it asked and when the answer came, and the hub's clock in between. */
export type TimeSample = Readonly<{ sentAt: number; hubAt: number; receivedAt: number }>;

/** How far the hub's clock is ahead of this screen's (`hub ≈ local + offsetMs`), and how sure that is. */
export type OffsetEstimate = Readonly<{
  offsetMs: number;
  /** The true offset lies within ±errorMs of offsetMs, for the samples kept. */
  errorMs: number;
  /** How many samples the estimate rests on, and the shortest round trip among them. */
  samples: number;
  bestRoundTripMs: number;
}>;

/** A time a clock can have read: finite and within ±2^53 ms (epoch ms are ~1.8e12), so sums cannot overflow. */
const readable = (t: number): boolean => Number.isFinite(t) && Math.abs(t) <= Number.MAX_SAFE_INTEGER;

/** At least this many samples before an estimate is made. */
export const MIN_SAMPLES = 5;

const roundTrip = (s: TimeSample) => s.receivedAt - s.sentAt;
/** The offset this sample gives if the hub answered halfway through the round trip. */
const midpointOffset = (s: TimeSample) => s.hubAt - (s.sentAt + s.receivedAt) / 2;

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function standardDeviation(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

/**
 * The offset estimate from a round of samples, or null with fewer than MIN_SAMPLES usable ones.
 *
 * Keeps the half of the samples with the shortest round trips (queueing only ever adds delay),
 * drops those whose offset lies more than one standard deviation from the rest (the timesync
 * approach), then intersects what each kept sample proves: the hub read its clock between send and
 * receive, so the true offset lies in [hubAt − receivedAt, hubAt − sentAt]. When those intervals
 * agree, the estimate is the middle of their intersection and the error its half-width; when they
 * do not (a clock stepped mid-round), it is the mean of the kept offsets and the error the widest
 * half round trip among them.
 */
export function estimateOffset(samples: readonly TimeSample[]): OffsetEstimate | null {
  const usable = samples.filter(
    (s) => readable(s.sentAt) && readable(s.hubAt) && readable(s.receivedAt) && roundTrip(s) >= 0,
  );
  if (usable.length < MIN_SAMPLES) return null;
  const byRoundTrip = [...usable].sort((a, b) => roundTrip(a) - roundTrip(b));
  const shortest = byRoundTrip.slice(0, Math.max(MIN_SAMPLES - 2, Math.ceil(byRoundTrip.length / 2)));
  const offsets = shortest.map(midpointOffset);
  const centre = mean(offsets);
  const spread = standardDeviation(offsets);
  const kept = shortest.filter((s) => Math.abs(midpointOffset(s) - centre) <= spread);
  const chosen = kept.length > 0 ? kept : shortest;
  const low = Math.max(...chosen.map((s) => s.hubAt - s.receivedAt));
  const high = Math.min(...chosen.map((s) => s.hubAt - s.sentAt));
  const bestRoundTripMs = roundTrip(chosen[0] as TimeSample);
  if (low <= high) {
    return { offsetMs: (low + high) / 2, errorMs: (high - low) / 2, samples: chosen.length, bestRoundTripMs };
  }
  return {
    offsetMs: mean(chosen.map(midpointOffset)),
    errorMs: Math.max(...chosen.map((s) => roundTrip(s) / 2)),
    samples: chosen.length,
    bestRoundTripMs,
  };
}
