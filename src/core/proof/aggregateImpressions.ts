import type { ImpressionRecord } from './impressionRecord';
import { assertNever } from '../assertNever';

/** What a report groups by: each slide, each sponsor (a wall counts for every sponsor on it), or each day. */
export type ReportBy = 'slide' | 'sponsor' | 'day';

/** The report modes, for argument parsing. */
export const REPORT_BY: readonly ReportBy[] = ['slide', 'sponsor', 'day'];

/** Which impressions a report covers; days are `YYYY-MM-DD`, inclusive. */
export type ImpressionFilter = Readonly<{ from?: string; to?: string; screen?: string }>;

/** One line of a report: a slide, sponsor or day on one day and screen. */
export type ReportRow = Readonly<{
  /** The slide id, the sponsor name, or the day (by day). */
  key: string;
  /** The slide type (by slide); empty otherwise. */
  type: string;
  day: string;
  screen: string;
  impressions: number;
  shownMs: number;
  /** Impressions staff cut short. */
  cutShort: number;
}>;

/** The impressions that pass `filter`. */
export function filterImpressions(
  records: readonly ImpressionRecord[],
  filter: ImpressionFilter,
): readonly ImpressionRecord[] {
  return records.filter(
    (r) =>
      (filter.from === undefined || r.day >= filter.from) &&
      (filter.to === undefined || r.day <= filter.to) &&
      (filter.screen === undefined || r.screen === filter.screen),
  );
}

/** Impressions, counts and time on screen per key, day and screen, sorted by key, day, screen. */
export function aggregateImpressions(
  records: readonly ImpressionRecord[],
  by: ReportBy,
): readonly ReportRow[] {
  const rows = new Map<string, { -readonly [K in keyof ReportRow]: ReportRow[K] }>();
  for (const r of records) {
    for (const [key, type] of keysOf(r, by)) {
      const id = `${key}\u0000${type}\u0000${r.day}\u0000${r.screen}`;
      let row = rows.get(id);
      if (row === undefined) {
        row = { key, type, day: r.day, screen: r.screen, impressions: 0, shownMs: 0, cutShort: 0 };
        rows.set(id, row);
      }
      row.impressions += 1;
      row.shownMs += Math.round(r.seconds * 1000);
      row.cutShort += r.cutShort ? 1 : 0;
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      compare(a.key, b.key) ||
      compare(a.day, b.day) ||
      compare(a.screen, b.screen) ||
      compare(a.type, b.type),
  );
}

/** Sums rows into one (for totals); key, type, day and screen are taken from `label`. */
export function sumRows(
  rows: readonly ReportRow[],
  label: Omit<ReportRow, 'impressions' | 'shownMs' | 'cutShort'>,
): ReportRow {
  let impressions = 0;
  let shownMs = 0;
  let cutShort = 0;
  for (const r of rows) {
    impressions += r.impressions;
    shownMs += r.shownMs;
    cutShort += r.cutShort;
  }
  return { ...label, impressions, shownMs, cutShort };
}

function keysOf(r: ImpressionRecord, by: ReportBy): ReadonlyArray<readonly [string, string]> {
  switch (by) {
    case 'slide':
      return [[r.slideId, r.slideType]];
    case 'sponsor':
      return [...new Set(r.sponsors)].map((s) => [s, ''] as const);
    case 'day':
      return [[r.day, '']];
    default:
      return assertNever(by);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
