import { describe, expect, it } from 'vitest';
import { aggregateImpressions } from '../../../src/core/proof/aggregateImpressions';
import { displayWidth, formatCsv, formatTable, reportTable } from '../../../src/core/proof/formatReport';
import { record } from './impressionLogBuilder';

const records = [
  record('2018-12-20', '10:00', 'main', 'wall', ['Alibaba Cloud', '华为'], 90),
  record('2018-12-20', '10:02', 'main', 'wall', ['Alibaba Cloud', '华为'], 45),
  record('2018-12-21', '10:00', 'main', 'wall', ['Alibaba Cloud', '华为'], 30),
  record('2018-12-21', '10:00', 'main', 'case, "quoted"', ['Alibaba Cloud'], 12.5, true),
];

describe('formatTable', () => {
  it('aligns columns (Chinese counts two), with a total per sponsor over several days', () => {
    const text = formatTable(reportTable(aggregateImpressions(records, 'sponsor'), 'sponsor'));
    expect(text).toBe(
      [
        'Sponsor        Day         Screen  Times shown  Minutes  Cut short',
        '─────────────  ──────────  ──────  ───────────  ───────  ─────────',
        'Alibaba Cloud  2018-12-20  main              2      2.3          0',
        'Alibaba Cloud  2018-12-21  main              2      0.7          1',
        '·············  ··········  ······  ···········  ·······  ·········',
        'Alibaba Cloud  total       all               4      3.0          1',
        '华为           2018-12-20  main              2      2.3          0',
        '华为           2018-12-21  main              1      0.5          0',
        '·············  ··········  ······  ···········  ·······  ·········',
        '华为           total       all               3      2.8          0',
        '',
      ].join('\n'),
    );
  });

  it('adds a grand total by day, and says so when nothing matched', () => {
    const text = formatTable(reportTable(aggregateImpressions(records, 'day'), 'day'));
    expect(text.trimEnd().split('\n').at(-1)).toBe('Total       all               4      3.0          1');
    expect(formatTable(reportTable([], 'slide'))).toBe('No impressions in the chosen days and screens.\n');
  });

  it('measures wide characters as two columns', () => {
    expect(displayWidth('华为 Cloud')).toBe(10);
    expect(displayWidth('ＡＢ')).toBe(4);
  });
});

describe('formatCsv', () => {
  it('writes exact seconds, quotes what needs it and has no total rows', () => {
    expect(formatCsv(aggregateImpressions(records, 'slide'), 'slide')).toBe(
      [
        'slide,type,day,screen,impressions,seconds,minutes,cut_short',
        '"case, ""quoted""",practice,2018-12-21,main,1,12.500,0.21,1',
        'wall,sponsors,2018-12-20,main,2,135.000,2.25,0',
        'wall,sponsors,2018-12-21,main,1,30.000,0.50,0',
        '',
      ].join('\r\n'),
    );
  });
});
