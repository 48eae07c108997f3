import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RATE_CHANGE, SEEK_THRESHOLD_S, videoCorrection } from '../../../src/core/wall/videoSync';

describe('videoCorrection', () => {
  it('plays at normal speed when aligned', () => {
    expect(videoCorrection(12.0, 12.001, 60)).toEqual({ kind: 'rate', playbackRate: 1 });
  });

  it('speeds up when behind, slows down when ahead, within a few percent', () => {
    expect(videoCorrection(12.0, 12.01, 60)).toEqual({ kind: 'rate', playbackRate: expect.closeTo(1.02, 6) });
    expect(videoCorrection(12.2, 12.0, 60)).toEqual({ kind: 'rate', playbackRate: 1 - MAX_RATE_CHANGE });
  });

  it('seeks when more than a second off, and across the loop point takes the short way', () => {
    expect(videoCorrection(3, 10, 60)).toEqual({ kind: 'seek', toSeconds: 10 });
    expect(videoCorrection(59.99, 60.0, 60)).toEqual({ kind: 'rate', playbackRate: expect.closeTo(1.02, 6) });
    expect(videoCorrection(0.01, 59.99 + 60, 60)).toEqual({
      kind: 'rate',
      playbackRate: expect.closeTo(0.96, 6),
    });
  });

  it('always corrects toward the target and never beyond the limits (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 600, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: 5, max: 600, noNaN: true }),
        (shown, off, duration) => {
          const displayed = shown % duration;
          const c = videoCorrection(displayed, displayed + off, duration);
          if (Math.abs(off) > SEEK_THRESHOLD_S) {
            expect(c.kind).toBe('seek');
            return;
          }
          if (c.kind !== 'rate') throw new Error(`expected a rate within ${SEEK_THRESHOLD_S}s`);
          expect(Math.abs(c.playbackRate - 1)).toBeLessThanOrEqual(MAX_RATE_CHANGE + 1e-9);
          if (off > 0.01) expect(c.playbackRate).toBeGreaterThan(1);
          if (off < -0.01) expect(c.playbackRate).toBeLessThan(1);
        },
      ),
    );
  });
});
