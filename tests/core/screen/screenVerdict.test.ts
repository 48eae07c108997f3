import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DARK_SAMPLES,
  FLAT_SPREAD,
  FROZEN_SLIDES,
  NEW_SCREEN_WATCH,
  observeScreen,
  pictureDistance,
  type PixelStats,
  pixelStats,
  type ScreenSample,
  type ScreenVerdict,
  type ScreenWatch,
} from '../../../src/core/screen/screenVerdict';

const W = 64;
const H = 36;

/** A W×H RGBA capture of one colour. */
function flat(r: number, g: number, b: number): Uint8Array {
  const px = new Uint8Array(W * H * 4);
  for (let i = 0; i < W * H; i++) px.set([r, g, b, 255], i * 4);
  return px;
}

/** A W×H RGBA capture with a bright block at column `at` (a slide with something on it). */
function slide(at: number): Uint8Array {
  const px = flat(20, 16, 60);
  for (let y = 8; y < 28; y++)
    for (let x = at; x < Math.min(W, at + 16); x++) px.set([240, 240, 250, 255], (y * W + x) * 4);
  return px;
}

const stats = (px: Uint8Array): PixelStats => pixelStats(px, W, H, 4);

function run(samples: readonly ScreenSample[]): ScreenVerdict[] {
  let watch: ScreenWatch = NEW_SCREEN_WATCH;
  return samples.map((s) => {
    const r = observeScreen(watch, s);
    watch = r.watch;
    return r.verdict;
  });
}

const colour = fc.integer({ min: 0, max: 255 });
const sampleArb = fc.record({
  at: fc.nat(),
  seq: fc.nat(),
  slideId: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }),
  expectFlat: fc.boolean(),
  stats: fc.oneof(
    fc.tuple(colour, colour, colour).map(([r, g, b]) => stats(flat(r, g, b))),
    fc.integer({ min: 0, max: 48 }).map((at) => stats(slide(at))),
  ),
});

describe('pixelStats', () => {
  it('finds one flat colour flat, whatever the colour', () => {
    fc.assert(
      fc.property(colour, colour, colour, (r, g, b) => {
        expect(stats(flat(r, g, b)).spread).toBeLessThan(FLAT_SPREAD);
      }),
    );
  });

  it('finds a slide with a bright block on it not flat, wherever the block is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 48 }), (at) => {
        expect(stats(slide(at)).spread).toBeGreaterThan(FLAT_SPREAD);
      }),
    );
  });

  it('reads black as dark and white as bright, RGB or RGBA', () => {
    expect(stats(flat(0, 0, 0)).mean).toBe(0);
    expect(pixelStats(new Uint8Array(W * H * 3).fill(255), W, H, 3).mean).toBeCloseTo(255, 5);
  });

  it('says what is wrong with a buffer too small for its size', () => {
    expect(() => pixelStats(new Uint8Array(10), W, H, 4)).toThrow(/10 bytes cannot hold 64×36 pixels/);
  });
});

describe('observeScreen', () => {
  const at = (i: number, s: PixelStats, slideId: string | null, expectFlat = false): ScreenSample => ({
    at: i * 5000,
    seq: i,
    slideId,
    expectFlat,
    stats: s,
  });

  it('calls a screen dark after enough flat captures in a row, from the first of them', () => {
    const verdicts = run([
      at(0, stats(slide(0)), 'a'),
      at(1, stats(flat(0, 0, 0)), 'a'),
      at(2, stats(flat(0, 0, 0)), 'a'),
    ]);
    expect(verdicts.map((v) => v.kind)).toEqual(['ok', ...Array(DARK_SAMPLES - 1).fill('ok'), 'dark']);
    expect(verdicts.at(-1)).toMatchObject({ kind: 'dark', since: 5000 });
  });

  it('never calls a blacked-out screen dark or frozen', () => {
    fc.assert(
      fc.property(fc.array(sampleArb, { maxLength: 30 }), (samples) => {
        const verdicts = run(samples.map((s) => ({ ...s, expectFlat: true })));
        expect(verdicts.every((v) => v.kind === 'ok')).toBe(true);
      }),
    );
  });

  it('calls a picture frozen once it sat through enough slide changes, and never before', () => {
    const still = stats(slide(10));
    const verdicts = run([at(0, still, 'a'), at(1, still, 'b'), at(2, still, 'c'), at(3, still, 'a')]);
    expect(verdicts.map((v) => v.kind)).toEqual([...Array(FROZEN_SLIDES).fill('ok'), 'frozen', 'frozen']);
    expect(verdicts[2]).toMatchObject({ kind: 'frozen', since: 0, slides: 2 });
  });

  it('lets one slide stand still as long as it likes', () => {
    const still = stats(slide(10));
    const verdicts = run(Array.from({ length: 20 }, (_, i) => at(i, still, 'a')));
    expect(verdicts.every((v) => v.kind === 'ok')).toBe(true);
  });

  it('never calls a screen whose picture changes at every sample frozen', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 30 }), (slides) => {
        const verdicts = run(slides.map((id, i) => at(i, stats(slide((i % 2) * 40)), id)));
        expect(verdicts.some((v) => v.kind === 'frozen')).toBe(false);
      }),
    );
  });

  it('is ok again as soon as a changed, non-flat picture comes, after any history', () => {
    fc.assert(
      fc.property(fc.array(sampleArb, { maxLength: 30 }), (samples) => {
        let watch: ScreenWatch = NEW_SCREEN_WATCH;
        for (const s of samples) watch = observeScreen(watch, s).watch;
        const seen = watch.picture ?? [];
        const [fresh] = [stats(slide(5)), stats(slide(40))].sort(
          (x, y) => pictureDistance(seen, y.signature) - pictureDistance(seen, x.signature),
        );
        if (fresh === undefined) throw new Error('no picture');
        const r = observeScreen(watch, { at: 1e9, seq: 1e6, slideId: 'z', expectFlat: false, stats: fresh });
        expect(r.verdict.kind).toBe('ok');
      }),
    );
  });
});
