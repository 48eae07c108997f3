import type { Instant } from '../player/playerTypes';

/** Figures of one tiny capture of a display (e.g. 64×36): how bright, how uniform, and a coarse picture. */
export type PixelStats = Readonly<{
  /** Mean luminance, 0–255. */
  mean: number;
  /** Standard deviation of the luminance, 0–255: near 0 for one flat colour. */
  spread: number;
  /** Mean luminance of each cell of a SIGNATURE_COLS × SIGNATURE_ROWS grid, row by row. */
  signature: readonly number[];
}>;

/** The grid of the coarse picture that tells whether the screen changed. */
export const SIGNATURE_COLS = 8;
export const SIGNATURE_ROWS = 6;

/** A capture whose luminance varies less than this (standard deviation, 0–255) is one flat colour. */
export const FLAT_SPREAD = 3;
/** Two captures whose coarse pictures differ by less than this (mean of cell differences, 0–255) are the same. */
export const SAME_PICTURE = 1.5;

/**
 * The figures of a capture given as raw pixels, `channels` bytes a pixel (3: RGB, 4: RGBA or BGRA; the
 * luminance weights are close enough for either order to tell black, flat and changed apart).
 * Throws when the buffer does not hold `width × height` pixels.
 */
export function pixelStats(pixels: Uint8Array, width: number, height: number, channels: 3 | 4): PixelStats {
  const count = width * height;
  if (count <= 0 || pixels.length < count * channels)
    throw new Error(
      `pixelStats: ${pixels.length} bytes cannot hold ${width}×${height} pixels of ${channels} bytes`,
    );
  const cells = new Float64Array(SIGNATURE_COLS * SIGNATURE_ROWS);
  const cellCounts = new Uint32Array(cells.length);
  let sum = 0;
  let sumSq = 0;
  for (let y = 0; y < height; y++) {
    const row = Math.min(SIGNATURE_ROWS - 1, Math.floor((y * SIGNATURE_ROWS) / height));
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const lum = 0.299 * (pixels[i] ?? 0) + 0.587 * (pixels[i + 1] ?? 0) + 0.114 * (pixels[i + 2] ?? 0);
      sum += lum;
      sumSq += lum * lum;
      const cell =
        row * SIGNATURE_COLS + Math.min(SIGNATURE_COLS - 1, Math.floor((x * SIGNATURE_COLS) / width));
      cells[cell] = (cells[cell] ?? 0) + lum;
      cellCounts[cell] = (cellCounts[cell] ?? 0) + 1;
    }
  }
  const mean = sum / count;
  const spread = Math.sqrt(Math.max(0, sumSq / count - mean * mean));
  const signature = Array.from(cells, (s, i) => {
    const n = cellCounts[i] ?? 0;
    return n === 0 ? mean : s / n;
  });
  return { mean, spread, signature };
}

/** How different two coarse pictures are: the mean absolute difference of their cells, 0–255. */
export function pictureDistance(a: readonly number[], b: readonly number[]): number {
  const n = Math.max(a.length, b.length);
  if (n === 0) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return total / n;
}

/** One look at a display: when, what the host had on it, whether it meant a black screen, and the capture. */
export type ScreenSample = Readonly<{
  at: Instant;
  /** The view's seq when the capture was taken. */
  seq: number;
  /** The slide on screen (null: the idle screen). */
  slideId: string | null;
  /** Blackout (or anything else that is flat on purpose): a flat capture is then right. */
  expectFlat: boolean;
  stats: PixelStats;
}>;

/** What the watcher makes of a display. */
export type ScreenVerdict =
  | Readonly<{ kind: 'ok' }>
  | Readonly<{ kind: 'dark'; since: Instant; mean: number }>
  /** `slides`: the slide changes the picture sat through. */
  | Readonly<{ kind: 'frozen'; since: Instant; slides: number }>;

/** The watcher's memory of one display between samples. */
export type ScreenWatch = Readonly<{
  /** When consecutive flat captures (not expected) began; null: the last one was not flat. */
  flatSince: Instant | null;
  flatSamples: number;
  /** The coarse picture last seen to change, and when. */
  picture: readonly number[] | null;
  pictureSince: Instant | null;
  /** The slide of the last sample, and how often the slide changed while the picture did not. */
  slide: string | null;
  slideChanges: number;
}>;

/** A display not looked at yet. */
export const NEW_SCREEN_WATCH: ScreenWatch = {
  flatSince: null,
  flatSamples: 0,
  picture: null,
  pictureSince: null,
  slide: null,
  slideChanges: 0,
};

/** How many captures in a row must be flat to call a screen dark (a transition frame is not a fault). */
export const DARK_SAMPLES = 2;
/** How many slide changes an unchanged picture must sit through to call the screen frozen. */
export const FROZEN_SLIDES = 2;

/**
 * Adds one sample to a display's watch and says what the screen looks like: `dark` after DARK_SAMPLES
 * flat captures in a row while nothing flat was meant to be on it; `frozen` when the picture has not
 * changed through FROZEN_SLIDES slide changes (one slide alone may rightly stand still).
 */
export function observeScreen(
  watch: ScreenWatch,
  sample: ScreenSample,
): Readonly<{ watch: ScreenWatch; verdict: ScreenVerdict }> {
  const flat = sample.stats.spread < FLAT_SPREAD && !sample.expectFlat;
  const flatSince = flat ? (watch.flatSince ?? sample.at) : null;
  const flatSamples = flat ? watch.flatSamples + 1 : 0;
  const slide = sample.slideId ?? 'idle';
  const changed =
    watch.picture === null || pictureDistance(watch.picture, sample.stats.signature) >= SAME_PICTURE;
  const slideChanged = watch.slide !== null && watch.slide !== slide;
  const next: ScreenWatch = changed
    ? {
        flatSince,
        flatSamples,
        picture: sample.stats.signature,
        pictureSince: sample.at,
        slide,
        slideChanges: 0,
      }
    : {
        flatSince,
        flatSamples,
        picture: watch.picture,
        pictureSince: watch.pictureSince,
        slide,
        slideChanges: watch.slideChanges + (slideChanged ? 1 : 0),
      };
  if (flatSince !== null && flatSamples >= DARK_SAMPLES)
    return { watch: next, verdict: { kind: 'dark', since: flatSince, mean: sample.stats.mean } };
  // Why: a flat screen that is meant to be flat (blackout) stands still on purpose.
  if (!changed && !sample.expectFlat && next.slideChanges >= FROZEN_SLIDES) {
    return {
      watch: next,
      verdict: { kind: 'frozen', since: next.pictureSince ?? sample.at, slides: next.slideChanges },
    };
  }
  return { watch: next, verdict: { kind: 'ok' } };
}
