/** One logo placed on a page: which sponsor, and its drawn size in design px. */
export type PlacedLogo = Readonly<{ tier: number; index: number; width: number; height: number }>;
/** A row of logos of one tier. */
export type WallRow = Readonly<{ tier: number; height: number; gap: number; logos: readonly PlacedLogo[] }>;
/** One screenful: tier headings and rows, top to bottom. */
export type WallPage = Readonly<{
  blocks: ReadonlyArray<Readonly<{ tier: number; rows: readonly WallRow[] }>>;
}>;
/** The whole wall: its pages and the scale the logos were drawn at. */
export type WallLayout = Readonly<{ pages: readonly WallPage[]; scale: number }>;

/** Sizes that shape the wall, in design px. */
export type WallMetrics = Readonly<{
  /** Optical size (square root of the logo area) of each tier's logos, first tier first; the last repeats. */
  tierSize: readonly number[];
  /** Height of a tier heading. */
  heading: number;
  /** Space between tiers. */
  tierGap: number;
  /** Gaps between logos and rows, as a fraction of the tier's optical size. */
  gap: number;
  /** The widest a logo may be, as a multiple of its optical size. */
  maxWidth: number;
}>;

/** Metrics that suit a 1920×1080 (or 1080×1920) canvas. */
export const DEFAULT_METRICS: WallMetrics = {
  tierSize: [230, 170, 130, 110],
  heading: 56,
  tierGap: 40,
  gap: 0.32,
  maxWidth: 2.6,
};

/** Scales tried, largest first, before the wall pages itself. */
const SCALES = [1.6, 1.45, 1.3, 1.15, 1, 0.88, 0.77, 0.68];

/**
 * Draw size of a logo with aspect ratio `aspect` (width / height) at optical size `k`: the same area
 * whatever its shape (width = k·√aspect, height = k/√aspect), capped so a very wide or tall one stays sane.
 */
export function logoSize(aspect: number, k: number, maxWidth: number): { width: number; height: number } {
  const a = Number.isFinite(aspect) && aspect > 0 ? aspect : 2.5;
  let width = k * Math.sqrt(a);
  let height = k / Math.sqrt(a);
  if (height > k * 1.05) {
    height = k * 1.05;
    width = height * a;
  }
  if (width > k * maxWidth) {
    width = k * maxWidth;
    height = width / a;
  }
  return { width: Math.round(width), height: Math.round(height) };
}

/** Splits widths into `n` rows of about equal total width, keeping their order. */
function balance(widths: readonly number[], n: number, gap: number): number[][] {
  const total = widths.reduce((s, w) => s + w + gap, 0);
  const target = total / n;
  const rows: number[][] = [[]];
  let acc = 0;
  widths.forEach((w, i) => {
    const row = rows[rows.length - 1] ?? [];
    const remainingRows = n - rows.length;
    const remainingItems = widths.length - i;
    if (
      row.length > 0 &&
      acc + (w + gap) / 2 > target &&
      remainingRows > 0 &&
      remainingItems >= remainingRows
    ) {
      rows.push([i]);
      acc = w + gap;
    } else {
      row.push(i);
      acc += w + gap;
    }
  });
  return rows;
}

function rowsOfTier(
  tier: number,
  aspects: readonly number[],
  k: number,
  width: number,
  m: WallMetrics,
): WallRow[] {
  const sizes = aspects.map((a) => logoSize(a, k, m.maxWidth));
  const gap = k * m.gap;
  const widths = sizes.map((s) => s.width);
  const fits = (row: readonly number[]): boolean =>
    row.reduce((s, i) => s + (widths[i] ?? 0), 0) + gap * Math.max(0, row.length - 1) <= width;
  for (let n = 1; n <= aspects.length; n++) {
    const rows = balance(widths, n, gap);
    if (rows.every(fits) || n === aspects.length) {
      return rows.map((row) => {
        const logos = row.map((index) => ({ tier, index, ...(sizes[index] ?? { width: k, height: k }) }));
        return { tier, height: Math.max(...logos.map((l) => l.height)), gap: Math.round(gap), logos };
      });
    }
  }
  return [];
}

function paginate(
  tiers: readonly (readonly number[])[],
  width: number,
  height: number,
  scale: number,
  m: WallMetrics,
): WallPage[] {
  const pages: { tier: number; rows: WallRow[] }[][] = [[]];
  let used = 0;
  tiers.forEach((aspects, tier) => {
    const k = (m.tierSize[Math.min(tier, m.tierSize.length - 1)] ?? 100) * scale;
    const rowGap = k * m.gap;
    for (const row of rowsOfTier(tier, aspects, k, width, m)) {
      let page = pages[pages.length - 1] ?? [];
      let block = page[page.length - 1];
      const opening = block === undefined || block.tier !== tier;
      const need = row.height + (opening ? m.heading + (page.length > 0 ? m.tierGap : 0) : rowGap);
      if (used + need > height && page.length > 0) {
        page = [];
        pages.push(page);
        used = 0;
        block = undefined;
      }
      if (block === undefined || block.tier !== tier) {
        used += m.heading + (page.length > 0 ? m.tierGap : 0) + row.height;
        page.push({ tier, rows: [row] });
      } else {
        used += rowGap + row.height;
        block.rows.push(row);
      }
    }
  });
  return pages.filter((p) => p.length > 0).map((blocks) => ({ blocks }));
}

/**
 * Lays out a sponsor wall in a `width`×`height` box: tiers in order, the first biggest, logos of equal
 * optical size in balanced rows; shrinks a little to fit one screen, and pages beyond that.
 * `tiers[t][i]` is the aspect ratio of logo i of tier t (0 when unknown).
 */
export function layoutSponsorWall(
  tiers: readonly (readonly number[])[],
  width: number,
  height: number,
  metrics: WallMetrics = DEFAULT_METRICS,
): WallLayout {
  for (const scale of SCALES) {
    const pages = paginate(tiers, width, height, scale, metrics);
    if (pages.length <= 1) return { pages, scale };
  }
  // Why: once the wall pages anyway, full-size logos on more pages read better than small ones on fewer.
  return { pages: paginate(tiers, width, height, 1, metrics), scale: 1 };
}
