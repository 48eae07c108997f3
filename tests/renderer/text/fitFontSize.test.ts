import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FitLimits, fitFontSize, ONE_LINE_FLOOR } from '../../../src/renderer/text/fitFontSize';

const LINE_HEIGHT = 1.18;
const RATIO = 0.56;
const SECONDARY_LINE_HEIGHT = 1.25;

/** Greedy wrapping of words (`chars` characters of `charPx` each, a space between) at `boxW`. */
function wrap(words: readonly number[], charPx: number, boxW: number): { lines: number; widest: number } {
  let lines = 1;
  let used = 0;
  let widest = 0;
  for (const chars of words) {
    const width = chars * charPx;
    const after = used === 0 ? width : used + charPx + width;
    if (used > 0 && after > boxW) {
      lines++;
      used = width;
    } else used = after;
    widest = Math.max(widest, used);
  }
  return { lines, widest };
}

/**
 * A text laid out by a model instead of a browser: the first language's words `size` px a character, the second's
 * half that at `RATIO`, wrapped greedily at the box width. It counts layouts as a browser forces them: the first
 * read of a size after a write to any style or class, and records the font size each was laid out at.
 */
function fakeText(
  primaryWords: readonly number[],
  secondaryWords: readonly number[],
  boxW: number,
  boxH: number,
) {
  let dirty = true;
  const sizes: number[] = [];
  const touched = (): void => {
    dirty = true;
  };
  const style = (): Record<string, string> =>
    new Proxy({} as Record<string, string>, {
      get: (o, k: string) => {
        if (k === 'setProperty')
          return (name: string, v: string) => {
            touched();
            o[name] = v;
          };
        if (k === 'removeProperty')
          return (name: string) => {
            touched();
            delete o[name];
          };
        return o[k] ?? '';
      },
      set: (o, k: string, v) => {
        touched();
        o[k] = String(v);
        return true;
      },
    });
  const element = () => ({ style: style(), classList: { add: touched, remove: touched } });
  const [box, inner, primary, secondary] = [element(), element(), element(), element()];
  const clampOf = (el: { style: Record<string, string> }): number =>
    el.style['-webkit-line-clamp'] === '' ? Number.POSITIVE_INFINITY : Number(el.style['-webkit-line-clamp']);
  let laid = { innerW: 0, innerH: 0, primaryH: 0, secondaryH: 0 };
  const layout = () => {
    if (!dirty) return laid;
    dirty = false;
    const size = Number.parseFloat(inner.style.fontSize ?? '');
    sizes.push(size);
    const p = wrap(primaryWords, size, boxW);
    const s = wrap(secondaryWords, size * RATIO * 0.5, boxW);
    const primaryH = Math.min(p.lines, clampOf(primary)) * size * LINE_HEIGHT;
    const secondaryH = Math.min(s.lines, clampOf(secondary)) * size * RATIO * SECONDARY_LINE_HEIGHT;
    laid = {
      innerW: Math.max(boxW, p.widest, s.widest),
      innerH: primaryH + secondaryH,
      primaryH,
      secondaryH,
    };
    return laid;
  };
  const sized = <T extends object>(o: T, getters: Record<string, () => number>): T =>
    Object.defineProperties(o, Object.fromEntries(Object.entries(getters).map(([k, get]) => [k, { get }])));
  const line = (height: () => number) => ({
    offsetHeight: height,
    scrollWidth: () => Math.min(boxW, layout().innerW),
    clientWidth: () => boxW,
  });
  const target = {
    box: sized(box, {
      clientWidth: () => {
        layout();
        return boxW;
      },
      clientHeight: () => {
        layout();
        return box.style.height === '0px' ? 0 : boxH;
      },
    }),
    inner: sized(inner, { scrollWidth: () => layout().innerW, offsetHeight: () => layout().innerH }),
    primary: sized(
      primary,
      line(() => layout().primaryH),
    ),
    secondaries: [
      sized(
        secondary,
        line(() => layout().secondaryH),
      ),
    ],
  };
  /** Whether the text fits at `size` within `lines` lines, unclamped, by the model itself. */
  const fits = (size: number, lines: number): boolean => {
    const p = wrap(primaryWords, size, boxW);
    const s = wrap(secondaryWords, size * RATIO * 0.5, boxW);
    const height = p.lines * size * LINE_HEIGHT + s.lines * size * RATIO * SECONDARY_LINE_HEIGHT;
    return (
      Math.max(p.widest, s.widest) <= boxW + 1 && height <= boxH + 1 && p.lines <= lines && s.lines <= lines
    );
  };
  return { target: target as never, sizes: () => sizes.slice(), fits };
}

const limits = (max: number, min: number, lines: number): FitLimits => ({
  max,
  min,
  lines,
  lineHeight: LINE_HEIGHT,
  secondaryRatio: RATIO,
  secondaryLineHeight: SECONDARY_LINE_HEIGHT,
});

/** What the fit promises, by trying every size: one line down to the floor, else the largest wrapped size. */
function everySize(fits: (size: number, lines: number) => boolean, l: FitLimits): number | null {
  const largest = (from: number, lines: number): number | null => {
    for (let s = l.max; s >= from; s--) if (fits(s, lines)) return s;
    return null;
  };
  const floor = Math.max(l.min, Math.round(l.max * ONE_LINE_FLOOR));
  return (l.lines > 1 ? largest(floor, 1) : null) ?? largest(l.min, l.lines);
}

describe('fitFontSize', () => {
  it('finds the size trying every size would: one line first, else the largest wrapped, else a clamp at min', () => {
    const words = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 30 });
    const box = fc.tuple(fc.integer({ min: 300, max: 1600 }), fc.integer({ min: 80, max: 900 }));
    fc.assert(
      fc.property(words, words, box, fc.integer({ min: 1, max: 5 }), (p, s, [w, h], lines) => {
        const text = fakeText(p, s, w, h);
        const l = limits(124, 36, lines);
        const want = everySize(text.fits, l);
        const got = fitFontSize(text.target, l);
        return want === null
          ? got.size === l.min && got.clamp !== null
          : got.size === want && got.clamp === null;
      }),
      { numRuns: 1_000 },
    );
  });

  it('lays each size out once a search: a paragraph that wraps takes 9 layouts, not 12', () => {
    // Like the demo's first announcement: too long for one line even at the floor, fits wrapped under max.
    const text = fakeText(Array<number>(30).fill(3), [5, 7, 2], 1600, 800);
    const l = limits(84, 36, 5);
    expect(fitFontSize(text.target, l)).toEqual({ size: 69, clamp: null });
    expect(everySize(text.fits, l)).toBe(69);
    // The box's width (before any size), one line at max and at the floor, wrapped at min (wrapped at max and at 60
    // were laid out already), the binary search, and the check in place at the result.
    expect(text.sizes()).toEqual([Number.NaN, 84, 60, 36, 72, 66, 69, 70, 69]);
  });
});
