import { afterEach, describe, expect, it, vi } from 'vitest';
import { atFrameNearest, createHostClock } from '../../../src/renderer/time/hostClock';

const FRAME = 1000 / 60;

/**
 * Where atFrameNearest flips for the instant `hostAt` and what it reports, over the page's frames played by
 * hand: each requestAnimationFrame callback gets the next timestamp of `frames` (ms since the time origin; the
 * page's host clock has no reading, so host time is page time).
 */
function flipOver(hostAt: number, frames: readonly number[]): { at: number; missed: number } | null {
  const origin = performance.timeOrigin;
  const queue = [...frames];
  let pending: ((t: number) => void) | null = null;
  vi.stubGlobal('requestAnimationFrame', (fn: (t: number) => void) => {
    pending = fn;
    return 1;
  });
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  let flip: { at: number; missed: number } | null = null;
  atFrameNearest(
    origin + hostAt,
    (at, missed) => {
      flip = { at: at - origin, missed };
    },
    createHostClock(),
  );
  while (pending !== null && queue.length > 0) {
    const fn: (t: number) => void = pending;
    pending = null;
    fn(queue.shift() as number);
  }
  return flip;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('atFrameNearest: the frame a wall member flips on, and how far off it says it was', () => {
  it('flips on the frame nearest the instant at 60 Hz and reports none missed', () => {
    const frames = Array.from({ length: 120 }, (_, i) => i * FRAME);
    const flip = flipOver(1000, frames);
    expect(flip).not.toBeNull();
    expect(Math.abs((flip?.at ?? 0) - 1000)).toBeLessThanOrEqual(FRAME / 2);
    expect(flip?.missed).toBe(0);
  });

  it('reports how many frames late a flip came when the page had no frame near the instant', () => {
    const flip = flipOver(1000, [0, FRAME, 1050, 1050 + FRAME]);
    expect(flip?.at).toBe(1050);
    expect(flip?.missed).toBe(3);
  });

  it('reports a flip that came early because the frames were far apart (a starved page), not as on time', () => {
    // Frames 80 ms apart: the one at 960 is taken (the next is expected at 1040), 40 ms before the instant.
    const flip = flipOver(1000, [800, 880, 960, 1040]);
    expect(flip?.at).toBe(960);
    expect(flip?.missed).toBe(2);
  });
});
