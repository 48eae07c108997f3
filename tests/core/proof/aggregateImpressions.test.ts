import { describe, expect, it } from 'vitest';
import {
  aggregateImpressions,
  filterImpressions,
  type ReportRow,
} from '../../../src/core/proof/aggregateImpressions';
import type { ImpressionRecord } from '../../../src/core/proof/impressionRecord';
import { record } from './impressionLogBuilder';

/** Two days, two screens: a wall with two sponsors, and a practice slide of one of them. */
function generated(): ImpressionRecord[] {
  const out: ImpressionRecord[] = [];
  for (const day of ['2018-12-20', '2018-12-21']) {
    for (const screen of ['hall-a', 'lobby']) {
      const walls = day === '2018-12-20' ? 30 : 20;
      for (let i = 0; i < walls; i++) {
        out.push(
          record(day, '10:00', screen, 'wall', ['Alibaba Cloud', '华为'], screen === 'lobby' ? 15 : 12),
        );
      }
      out.push(record(day, '11:00', screen, 'case-alibaba', ['Alibaba Cloud'], 20));
      out.push(record(day, '11:01', screen, 'case-alibaba', ['Alibaba Cloud'], 7.5, true));
    }
  }
  return out;
}

/** Independent count: loop over what `generated` makes, by hand. */
function expectedSponsorRow(
  sponsor: string,
  day: string,
  screen: string,
): Pick<ReportRow, 'impressions' | 'shownMs'> {
  const walls = day === '2018-12-20' ? 30 : 20;
  const wallMs = walls * (screen === 'lobby' ? 15_000 : 12_000);
  if (sponsor === '华为') return { impressions: walls, shownMs: wallMs };
  return { impressions: walls + 2, shownMs: wallMs + 20_000 + 7_500 };
}

describe('aggregateImpressions', () => {
  it('counts each sponsor on a wall and on its own slides, per day and screen', () => {
    const rows = aggregateImpressions(generated(), 'sponsor');
    expect(rows.map((r) => [r.key, r.day, r.screen])).toEqual([
      ['Alibaba Cloud', '2018-12-20', 'hall-a'],
      ['Alibaba Cloud', '2018-12-20', 'lobby'],
      ['Alibaba Cloud', '2018-12-21', 'hall-a'],
      ['Alibaba Cloud', '2018-12-21', 'lobby'],
      ['华为', '2018-12-20', 'hall-a'],
      ['华为', '2018-12-20', 'lobby'],
      ['华为', '2018-12-21', 'hall-a'],
      ['华为', '2018-12-21', 'lobby'],
    ]);
    for (const row of rows) {
      expect({ impressions: row.impressions, shownMs: row.shownMs }).toEqual(
        expectedSponsorRow(row.key, row.day, row.screen),
      );
      expect(row.cutShort).toBe(row.key === 'Alibaba Cloud' ? 1 : 0);
    }
  });

  it('counts slides with their type, and days across slides', () => {
    const bySlide = aggregateImpressions(generated(), 'slide');
    const case20a = bySlide.find(
      (r) => r.key === 'case-alibaba' && r.day === '2018-12-20' && r.screen === 'hall-a',
    );
    expect(case20a).toEqual({
      key: 'case-alibaba',
      type: 'practice',
      day: '2018-12-20',
      screen: 'hall-a',
      impressions: 2,
      shownMs: 27_500,
      cutShort: 1,
    });
    const byDay = aggregateImpressions(generated(), 'day');
    expect(byDay.map((r) => [r.key, r.screen, r.impressions, r.shownMs])).toEqual([
      ['2018-12-20', 'hall-a', 32, 30 * 12_000 + 27_500],
      ['2018-12-20', 'lobby', 32, 30 * 15_000 + 27_500],
      ['2018-12-21', 'hall-a', 22, 20 * 12_000 + 27_500],
      ['2018-12-21', 'lobby', 22, 20 * 15_000 + 27_500],
    ]);
  });

  it('adds seconds exactly, without floating-point drift over many impressions', () => {
    const many = Array.from({ length: 10_000 }, () =>
      record('2018-12-20', '09:00', 'main', 'wall', ['A'], 0.1),
    );
    expect(aggregateImpressions(many, 'slide')[0]?.shownMs).toBe(1_000_000);
  });
});

describe('filterImpressions', () => {
  it('keeps the days from..to inclusive and one screen', () => {
    const all = generated();
    expect(filterImpressions(all, { from: '2018-12-21' })).toHaveLength(44);
    expect(filterImpressions(all, { to: '2018-12-20', screen: 'lobby' })).toHaveLength(32);
    expect(filterImpressions(all, { from: '2018-12-21', to: '2018-12-21', screen: 'nowhere' })).toHaveLength(
      0,
    );
  });
});
