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

/** What one layout of the text at one size shows: the widths and heights the fit compares (px). */
type Layout = Readonly<{
  innerWidth: number;
  innerHeight: number;
  boxWidth: number;
  boxHeight: number;
  primaryHeight: number | null;
  secondaryHeights: readonly number[];
}>;

/**
 * The layouts of one search, by font size: each size costs a layout once, however many limits are tried at it.
 * Why: each probe at a new size is a forced layout (a few ms for a paragraph); the one-line and wrapped passes
 * and the binary search often come back to a size already laid out (a paragraph that wraps: 3 of 11 probes).
 */
type Layouts = Map<number, Layout>;

function layoutAt(t: FitTarget, layouts: Layouts, size: number): Layout {
  const known = layouts.get(size);
  if (known !== undefined) return known;
  t.inner.style.fontSize = `${size}px`;
  const layout: Layout = {
    innerWidth: t.inner.scrollWidth,
    innerHeight: t.inner.offsetHeight,
    boxWidth: t.box.clientWidth,
    boxHeight: t.box.clientHeight,
    primaryHeight: t.primary === null ? null : t.primary.offsetHeight,
    secondaryHeights: t.secondaries.map((el) => el.offsetHeight),
  };
  layouts.set(size, layout);
  return layout;
}

/** Whether the box's height limits the text (false while the box is isolated for cheap probing). */
let checkHeight = true;

function fitsAt(t: FitTarget, layouts: Layouts, limits: FitLimits, size: number): boolean {
  const l = layoutAt(t, layouts, size);
  if (l.innerWidth > l.boxWidth + 1) return false;
  if (checkHeight && l.innerHeight > l.boxHeight + 1) return false;
  if (l.primaryHeight !== null && Math.round(l.primaryHeight / (size * limits.lineHeight)) > limits.lines)
    return false;
  const secondaryLine = size * limits.secondaryRatio * limits.secondaryLineHeight;
  return l.secondaryHeights.every((h) => Math.round(h / secondaryLine) <= limits.lines);
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
 * Each size is laid out once per search (see `Layouts`).
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
  const result = searchUnclamped(t, new Map(), limits) ?? searchClamped(t, limits);
  t.inner.style.fontSize = `${result.size}px`;
  return result;
}

function searchUnclamped(t: FitTarget, layouts: Layouts, limits: FitLimits): FitResult | null {
  // Why: shrinking a little reads better than a title broken over two lines (or one left alone on the
  // second), so one line is tried first, even when the text would fit wrapped at `max`.
  if (limits.lines > 1) {
    const oneLine = { ...limits, lines: 1 };
    if (fitsAt(t, layouts, oneLine, limits.max)) return { size: limits.max, clamp: null };
    const floor = Math.max(limits.min, Math.round(limits.max * ONE_LINE_FLOOR));
    if (fitsAt(t, layouts, oneLine, floor))
      return { size: largestFitting(t, layouts, oneLine, floor, limits.max), clamp: null };
  }
  if (fitsAt(t, layouts, limits, limits.max)) return { size: limits.max, clamp: null };
  if (fitsAt(t, layouts, limits, limits.min))
    return { size: largestFitting(t, layouts, limits, limits.min, limits.max), clamp: null };
  return null;
}

/** Even `min` does not fit: the most lines (at most `limits.lines`) that fit at `min` once clamped, else one. */
function searchClamped(t: FitTarget, limits: FitLimits): FitResult {
  for (let clamp = limits.lines; clamp >= 1; clamp--) {
    setClamp(t, clamp);
    // Why: a clamp changes the layout, so the layouts measured without it (or with another) are not reused.
    if (fitsAt(t, new Map(), { ...limits, lines: clamp }, limits.min) || clamp === 1)
      return { size: limits.min, clamp };
  }
  return { size: limits.min, clamp: 1 };
}

/** How far a text may shrink to stay on one line before it wraps instead, relative to its largest size. */
export const ONE_LINE_FLOOR = 0.72;

/** Binary search for the largest size in [lo, hi] that fits, given that `lo` fits. */
function largestFitting(t: FitTarget, layouts: Layouts, limits: FitLimits, lo: number, hi: number): number {
  let good = lo;
  let bad = hi;
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    if (fitsAt(t, layouts, limits, mid)) good = mid;
    else bad = mid;
  }
  return good;
}
