/** What `fitFontSize` measures: the box the text must fit, the text block inside it, and its language lines. */
export type FitTarget = Readonly<{
  box: HTMLElement;
  inner: HTMLElement;
  primary: HTMLElement | null;
  secondaries: readonly HTMLElement[];
}>;

/** The limits of one fit: font sizes in design px, the most lines each language may take, and line heights. */
export type FitLimits = Readonly<{
  max: number;
  min: number;
  lines: number;
  lineHeight: number;
  secondaryRatio: number;
  secondaryLineHeight: number;
}>;

/** The outcome: the font size chosen, and how many lines each language is clamped to (null: not clamped). */
export type FitResult = Readonly<{ size: number; clamp: number | null }>;

function linesOf(el: HTMLElement, linePx: number): number {
  return Math.round(el.offsetHeight / linePx);
}

/** Whether the box's height limits the text (false while the box is isolated for cheap probing). */
let checkHeight = true;

function fitsAt(t: FitTarget, limits: FitLimits, size: number): boolean {
  t.inner.style.fontSize = `${size}px`;
  if (t.inner.scrollWidth > t.box.clientWidth + 1) return false;
  if (checkHeight && t.inner.offsetHeight > t.box.clientHeight + 1) return false;
  if (t.primary !== null && linesOf(t.primary, size * limits.lineHeight) > limits.lines) return false;
  const secondaryLine = size * limits.secondaryRatio * limits.secondaryLineHeight;
  return t.secondaries.every((el) => linesOf(el, secondaryLine) <= limits.lines);
}

function setClamp(t: FitTarget, lines: number | null): void {
  for (const el of [t.primary, ...t.secondaries]) {
    if (el === null) continue;
    if (lines === null) {
      el.style.removeProperty('-webkit-line-clamp');
      el.classList.remove('clamped');
    } else {
      el.style.setProperty('-webkit-line-clamp', String(el === t.primary ? lines : Math.max(1, lines - 1)));
      el.classList.add('clamped');
    }
  }
}

/**
 * Finds the font size at which the text fits its box (width, height, line limits) by binary search on
 * the real layout: one line if shrinking to ONE_LINE_FLOOR of `max` is enough (shrink before
 * wrapping), else the largest size in [min, max] that fits wrapped; when even `min` does not fit, clamps the lines with an ellipsis.
 * Probes run with the box isolated (fixed width, `contain: strict`) so each costs a layout of this text
 * only; if the result then overflows the height the page gives the box, the search runs again in place.
 * Words and phrases are kept whole while it searches (see below). Leaves the chosen size and clamp applied.
 */
export function fitFontSize(t: FitTarget, limits: FitLimits): FitResult {
  // Why: the page lets a word or Chinese phrase wider than its line break anywhere (overflow-wrap), which
  // would hide it from the width check; the fit forbids that, so such a text shrinks until it fits whole
  // (and stays so: a phrase a fraction of a pixel wider than the box must not break when shown), and only
  // a text with a word too wide even at `min` is fitted again with the page's fallback.
  t.inner.style.overflowWrap = 'normal';
  const whole = fitIsolated(t, limits);
  if (whole.clamp === null || !tooWide(t)) return whole;
  t.inner.style.removeProperty('overflow-wrap');
  return fitIsolated(t, limits);
}

/** Whether a line of the text is wider than its box (a clamped line clips its own overflow, so each is asked). */
function tooWide(t: FitTarget): boolean {
  if (t.inner.scrollWidth > t.box.clientWidth + 1) return true;
  return [t.primary, ...t.secondaries].some((el) => el !== null && el.scrollWidth > el.clientWidth + 1);
}

/** One fit: the search with the box isolated, then again in place if the page's height limits it more. */
function fitIsolated(t: FitTarget, limits: FitLimits): FitResult {
  const style = t.box.style;
  const saved = { contain: style.contain, width: style.width, height: style.height };
  style.width = `${t.box.clientWidth}px`;
  style.height = '0px';
  style.contain = 'strict';
  checkHeight = false;
  let result: FitResult;
  try {
    result = search(t, limits);
  } finally {
    checkHeight = true;
    style.contain = saved.contain;
    style.width = saved.width;
    style.height = saved.height;
  }
  if (t.inner.offsetHeight > t.box.clientHeight + 1 || t.inner.scrollWidth > t.box.clientWidth + 1) {
    result = search(t, limits);
  }
  return result;
}

/** The search itself: one line if shrinking to ONE_LINE_FLOOR of `max` is enough, else the largest wrapped size, else a clamp. */
function search(t: FitTarget, limits: FitLimits): FitResult {
  setClamp(t, null);
  // Why: shrinking a little reads better than a title broken over two lines (or one left alone on the
  // second), so one line is tried first, even when the text would fit wrapped at `max`.
  if (limits.lines > 1) {
    const oneLine = { ...limits, lines: 1 };
    if (fitsAt(t, oneLine, limits.max)) return { size: limits.max, clamp: null };
    const floor = Math.max(limits.min, Math.round(limits.max * ONE_LINE_FLOOR));
    if (fitsAt(t, oneLine, floor))
      return { size: largestFitting(t, oneLine, floor, limits.max), clamp: null };
  }
  if (fitsAt(t, limits, limits.max)) return { size: limits.max, clamp: null };
  if (fitsAt(t, limits, limits.min))
    return { size: largestFitting(t, limits, limits.min, limits.max), clamp: null };
  for (let clamp = limits.lines; clamp >= 1; clamp--) {
    setClamp(t, clamp);
    if (fitsAt(t, { ...limits, lines: clamp }, limits.min) || clamp === 1) return { size: limits.min, clamp };
  }
  return { size: limits.min, clamp: 1 };
}

/** How far a text may shrink to stay on one line before it wraps instead, relative to its largest size. */
export const ONE_LINE_FLOOR = 0.72;

/** Binary search for the largest size in [lo, hi] that fits, given that `lo` fits; leaves it applied. */
function largestFitting(t: FitTarget, limits: FitLimits, lo: number, hi: number): number {
  let good = lo;
  let bad = hi;
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    if (fitsAt(t, limits, mid)) good = mid;
    else bad = mid;
  }
  fitsAt(t, limits, good);
  return good;
}
