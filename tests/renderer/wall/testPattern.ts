import { PNG } from 'pngjs';

/** The checkerboard's diagonals: two sets at different spacings, so no small shift maps the pattern onto itself. */
const CELL_A = 29;
const CELL_B = 41;
/** Bold white lines of slope 1/2 (u − 2v = k × LINE_SPACING), LINE_HALF picture pixels to each side. */
const LINE_SPACING = 400;
const LINE_HALF = 4;

/** The colour class of the test pattern at picture pixel (u, v). */
export type PatternClass = 'dark' | 'light' | 'line';

function nearestRemainder(t: number, period: number): number {
  const r = ((t % period) + period) % period;
  return Math.min(r, period - r);
}

/** Distance from picture pixel (u, v) to the middle of the nearest white line. */
function lineDistance(u: number, v: number): number {
  return nearestRemainder(u - 2 * v, LINE_SPACING) / Math.sqrt(5);
}

/** The test pattern at picture pixel (u, v): white lines over a checkerboard of rhombi (dark blue and yellow). */
export function patternClass(u: number, v: number): PatternClass {
  if (lineDistance(u, v) < LINE_HALF) return 'line';
  return (Math.floor((u + v) / CELL_A) + Math.floor((u - v + 100 * CELL_B) / CELL_B)) % 2 === 0
    ? 'light'
    : 'dark';
}

/** How far picture pixel (u, v) is from the nearest edge between two colours of the pattern, in picture pixels. */
export function patternEdgeDistance(u: number, v: number): number {
  return Math.min(
    nearestRemainder(u + v, CELL_A) / Math.SQRT2,
    nearestRemainder(u - v, CELL_B) / Math.SQRT2,
    Math.abs(lineDistance(u, v) - LINE_HALF),
  );
}

const COLOURS: Readonly<Record<PatternClass, readonly [number, number, number]>> = {
  light: [217, 164, 0],
  dark: [16, 32, 74],
  line: [255, 255, 255],
};

/** The colour class of a screenshot pixel by its luminance. */
function classOf(r: number, g: number, b: number): PatternClass {
  const luminance = 0.3 * r + 0.59 * g + 0.11 * b;
  return luminance < 100 ? 'dark' : luminance < 215 ? 'light' : 'line';
}

/** The test pattern as a PNG, `width × height`. */
export function patternPng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = COLOURS[patternClass(x + 0.5, y + 0.5)];
      const i = (y * width + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** Where the whole picture lies on the wall's canvas, in screen pixels: its top-left corner and its scale. */
export type Placement = Readonly<{ left: number; top: number; scale: number }>;

/**
 * Checks screenshots of a 1-row wall against the pattern: screen `i` starts at canvas x `i × pitch` (its width plus
 * the two bezels between screens); every sampled pixel away from a diagonal must have the pattern's colour at the
 * picture pixel `placement` maps it to. Returns the share of sampled pixels that do not, and how many were sampled.
 */
export function patternMismatch(
  shots: readonly Buffer[],
  pitch: number,
  placement: Placement,
  step = 4,
): Readonly<{ mismatch: number; samples: number }> {
  let samples = 0;
  let wrong = 0;
  for (const [i, shot] of shots.entries()) {
    const png = PNG.sync.read(shot);
    for (let y = 0; y < png.height; y += step) {
      for (let x = 0; x < png.width; x += step) {
        const u = (i * pitch + x + 0.5 - placement.left) / placement.scale;
        const v = (y + 0.5 - placement.top) / placement.scale;
        // Why: pixels along an edge are blended (scaling, antialiasing); 3 screen pixels of margin skip them.
        if (patternEdgeDistance(u, v) * placement.scale < 3) continue;
        const k = (y * png.width + x) * 4;
        samples += 1;
        const seen = classOf(png.data[k] ?? 0, png.data[k + 1] ?? 0, png.data[k + 2] ?? 0);
        if (seen !== patternClass(u, v)) wrong += 1;
      }
    }
  }
  return { mismatch: samples === 0 ? 1 : wrong / samples, samples };
}

/** The screenshots of a 1-row wall side by side, `gap` pixels of frame colour between them, as a PNG. */
export function composeRow(shots: readonly Buffer[], gap: number): Buffer {
  const pngs = shots.map((s) => PNG.sync.read(s));
  const height = Math.max(...pngs.map((p) => p.height));
  const width = pngs.reduce((w, p) => w + p.width, 0) + gap * (pngs.length - 1);
  const out = new PNG({ width, height });
  out.data.fill(0);
  for (let k = 0; k < out.data.length; k += 4) {
    out.data[k] = 40;
    out.data[k + 1] = 40;
    out.data[k + 2] = 40;
    out.data[k + 3] = 255;
  }
  let x0 = 0;
  for (const p of pngs) {
    PNG.bitblt(p, out, 0, 0, p.width, p.height, x0, 0);
    x0 += p.width + gap;
  }
  return PNG.sync.write(out);
}
