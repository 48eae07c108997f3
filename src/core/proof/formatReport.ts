import { type ReportBy, type ReportRow, sumRows } from './aggregateImpressions';
import { assertNever } from '../assertNever';

/** A report as cells: a header and rows, with which columns are numbers (right-aligned). */
export type ReportTable = Readonly<{
  header: readonly string[];
  numeric: readonly boolean[];
  rows: readonly (readonly string[])[];
  /** Indexes of total rows in `rows` (drawn after a rule). */
  totals: ReadonlySet<number>;
}>;

/** Minutes with one decimal, as the table shows them. */
export function minutes(ms: number): string {
  return (ms / 60_000).toFixed(1);
}

/** The cells of a report: one row per key, day and screen, a total per key with several rows, and a grand total. */
export function reportTable(rows: readonly ReportRow[], by: ReportBy): ReportTable {
  const header = [...keyHeader(by), 'Screen', 'Times shown', 'Minutes', 'Cut short'];
  const numeric = header.map((_, i) => i >= header.length - 3);
  const out: string[][] = [];
  const totals = new Set<number>();
  const keys = [...new Set(rows.map((r) => r.key))];
  for (const key of keys) {
    const group = rows.filter((r) => r.key === key);
    for (const r of group) out.push(cells(r, by));
    if (group.length > 1) {
      totals.add(out.length);
      out.push(cells(sumRows(group, { key, type: '', day: 'all days', screen: 'all' }), by, 'total'));
    }
  }
  if (by !== 'sponsor' && keys.length > 1) {
    totals.add(out.length);
    out.push(cells(sumRows(rows, { key: 'Total', type: '', day: 'all days', screen: 'all' }), by, 'grand'));
  }
  return { header, numeric, rows: out, totals };
}

/** The table as aligned text for a terminal (Chinese characters count two columns). */
export function formatTable(table: ReportTable): string {
  if (table.rows.length === 0) return 'No impressions in the chosen days and screens.\n';
  const all = [table.header, ...table.rows];
  const widths = table.header.map((_, c) => Math.max(...all.map((row) => displayWidth(row[c] ?? ''))));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, c) => {
        const pad = ' '.repeat((widths[c] ?? 0) - displayWidth(cell));
        return table.numeric[c] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const body = table.rows.flatMap((row, i) =>
    table.totals.has(i) ? [rule.replace(/─/g, '·'), line(row)] : [line(row)],
  );
  return `${[line(table.header), rule, ...body].join('\n')}\n`;
}

/** The rows as CSV (RFC 4180, header first, no totals), with exact seconds beside the minutes. */
export function formatCsv(rows: readonly ReportRow[], by: ReportBy): string {
  const header = [...csvKeyHeader(by), 'screen', 'impressions', 'seconds', 'minutes', 'cut_short'];
  const lines = rows.map((r) => [
    ...csvKeyCells(r, by),
    r.screen,
    String(r.impressions),
    (r.shownMs / 1000).toFixed(3),
    (r.shownMs / 60_000).toFixed(2),
    String(r.cutShort),
  ]);
  return `${[header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Terminal columns a string takes: East Asian wide and fullwidth characters count two. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function keyHeader(by: ReportBy): readonly string[] {
  switch (by) {
    case 'slide':
      return ['Slide', 'Type', 'Day'];
    case 'sponsor':
      return ['Sponsor', 'Day'];
    case 'day':
      return ['Day'];
    default:
      return assertNever(by);
  }
}

function cells(r: ReportRow, by: ReportBy, kind: 'row' | 'total' | 'grand' = 'row'): string[] {
  const numbers = [String(r.impressions), minutes(r.shownMs), String(r.cutShort)];
  const day = kind === 'row' ? r.day : kind === 'total' ? 'total' : 'all days';
  switch (by) {
    case 'slide':
      return [r.key, r.type, day, r.screen, ...numbers];
    case 'sponsor':
      return [r.key, day, r.screen, ...numbers];
    case 'day':
      return [kind === 'grand' ? 'Total' : kind === 'total' ? `${r.key} total` : r.key, r.screen, ...numbers];
    default:
      return assertNever(by);
  }
}

function csvKeyHeader(by: ReportBy): readonly string[] {
  return by === 'slide' ? ['slide', 'type', 'day'] : by === 'sponsor' ? ['sponsor', 'day'] : ['day'];
}

function csvKeyCells(r: ReportRow, by: ReportBy): readonly string[] {
  return by === 'slide' ? [r.key, r.type, r.day] : by === 'sponsor' ? [r.key, r.day] : [r.day];
}

function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
