import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateOffset, MIN_SAMPLES, type TimeSample } from '../../../src/core/wall/fleetTime';

/** A sample of a hub whose clock is `offset` ahead, with the given one-way delays out and back. */
function sample(sentAt: number, offset: number, out: number, back: number): TimeSample {
  return { sentAt, hubAt: sentAt + out + offset, receivedAt: sentAt + out + back };
}

describe('estimateOffset', () => {
  it('needs enough samples', () => {
    const few = Array.from({ length: MIN_SAMPLES - 1 }, (_, i) => sample(i * 100, 50, 1, 1));
    expect(estimateOffset(few)).toBeNull();
  });

  it('finds the offset exactly from symmetric round trips', () => {
    const samples = [2, 3, 2, 4, 2, 3].map((d, i) => sample(1_000 + i * 100, -150, d, d));
    const estimate = estimateOffset(samples);
    expect(estimate?.offsetMs).toBeCloseTo(-150, 6);
    expect(estimate?.bestRoundTripMs).toBe(4);
  });

  it('ignores samples delayed by queueing on one leg', () => {
    const good = [1, 1, 2, 1, 1, 2].map((d, i) => sample(i * 100, 200, d, d));
    const queued = [sample(700, 200, 80, 1), sample(800, 200, 1, 120), sample(900, 200, 60, 2)];
    const estimate = estimateOffset([...queued, ...good]);
    expect(Math.abs((estimate?.offsetMs ?? 0) - 200)).toBeLessThanOrEqual(1);
    expect(estimate?.errorMs).toBeLessThanOrEqual(1);
  });

  it('the truth lies within the error bound whatever the delays (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 })), {
          minLength: MIN_SAMPLES,
          maxLength: 20,
        }),
        (offset, delays) => {
          const samples = delays.map(([out, back], i) =>
            sample(1_700_000_000_000 + i * 1_000, offset, out, back),
          );
          const estimate = estimateOffset(samples);
          expect(estimate).not.toBeNull();
          if (!estimate) return;
          expect(Math.abs(estimate.offsetMs - offset)).toBeLessThanOrEqual(estimate.errorMs + 1e-6);
          expect(estimate.errorMs).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('drops samples whose times no clock reads (finite but near the double limit)', () => {
    const huge = { sentAt: 0, hubAt: 1.7e308, receivedAt: 1 };
    const samples = [huge, huge, huge, huge, huge, { sentAt: 0, hubAt: -1.7e308, receivedAt: 1 }];
    const estimate = estimateOffset(samples);
    expect(estimate === null || Number.isFinite(estimate.offsetMs)).toBe(true);
    expect(estimateOffset(samples.map((s) => ({ ...s, sentAt: -1.7e308 })))).toBeNull();
  });

  it('never throws and drops impossible samples (property)', () => {
    const anyNumber = fc.oneof(fc.double(), fc.integer());
    fc.assert(
      fc.property(
        fc.array(fc.record({ sentAt: anyNumber, hubAt: anyNumber, receivedAt: anyNumber }), {
          maxLength: 30,
        }),
        (samples) => {
          const estimate = estimateOffset(samples);
          if (estimate) expect(Number.isFinite(estimate.offsetMs)).toBe(true);
        },
      ),
    );
  });
});
