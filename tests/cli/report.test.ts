import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndReason } from '../../src/core/player/playerTypes';
import type { Playlist } from '../../src/core/playlist/types';
import { createImpressionSink, impressionFileName } from '../../src/host/proof/impressionLog';
import { runMarquee } from '../support/runMarquee';

const playlist: Playlist = {
  version: 1,
  event: { name: 'Flink Forward China 2018', timezone: 'Asia/Shanghai', languages: ['zh', 'en'] },
  slides: [
    {
      type: 'sponsors',
      id: 'wall',
      tiers: [{ name: 'Gold', sponsors: [{ name: 'Alibaba Cloud' }, { name: '华为' }] }],
    },
    {
      type: 'practice',
      id: 'case',
      company: { en: 'Alibaba', zh: '阿里巴巴' },
      title: 'Search',
      points: ['a', 'b'],
    },
    { type: 'announcement', id: 'note', text: 'Welcome' },
  ],
};
const SPONSORS: Readonly<Record<string, readonly string[]>> = {
  wall: ['Alibaba Cloud', '华为'],
  case: ['阿里巴巴 / Alibaba'],
  note: [],
};

/** What the report must say, counted by hand while generating: `sponsor|day|screen` → times and ms. */
const expected = new Map<string, { times: number; ms: number; cut: number }>();
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-cli-report-'));
  const sink = createImpressionSink({ dir, screen: 'unused', playlistLookup: () => playlist });
  const play = (
    screen: string,
    day: string,
    startMs: number,
    slideId: string,
    ms: number,
    reason: EndReason,
  ) => {
    sink({
      screen,
      slideId,
      slideType: playlist.slides.find((s) => s.id === slideId)?.type ?? 'announcement',
      presentedAt: startMs,
      endedAt: startMs + ms,
      shownMs: ms,
      reason,
    });
    for (const sponsor of SPONSORS[slideId] ?? []) {
      const key = `${sponsor}|${day}|${screen}`;
      const e = expected.get(key) ?? { times: 0, ms: 0, cut: 0 };
      expected.set(key, { times: e.times + 1, ms: e.ms + ms, cut: e.cut + (reason === 'staff' ? 1 : 0) });
    }
  };
  const ids = ['wall', 'case', 'note'];
  for (const day of ['2018-12-20', '2018-12-21']) {
    for (const screen of ['hall-a', 'lobby']) {
      let t = Date.parse(`${day}T09:00:00+08:00`);
      for (let i = 0; i < 120; i++) {
        const ms = 10_000 + ((i * 137) % 5000);
        const slideId = ids[i % 3] ?? 'note';
        play(screen, day, t, slideId, ms, i % 17 === 0 ? 'staff' : 'time-up');
        t += ms;
      }
    }
  }
  // Across midnight in Beijing: counted on the day it started.
  play('hall-a', '2018-12-20', Date.parse('2018-12-20T23:59:55+08:00'), 'wall', 12_000, 'time-up');
  play('hall-a', '2018-12-21', Date.parse('2018-12-21T00:00:07+08:00'), 'wall', 9_000, 'time-up');
  await sink.flush();
  // A power cut while writing: half a line at the end of one file, which the report skips.
  await appendFile(
    join(dir, impressionFileName('2018-12-21', 'lobby')),
    '{"v":1,"day":"2018-12-21","screen":"lob',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function parseCsv(text: string): Map<string, { times: number; ms: number; cut: number }> {
  const [header, ...lines] = text.trimEnd().split('\r\n');
  expect(header).toBe('sponsor,day,screen,impressions,seconds,minutes,cut_short');
  return new Map(
    lines.map((line) => {
      const [sponsor, day, screen, times, seconds, , cut] = line.split(',');
      return [
        `${sponsor}|${day}|${screen}`,
        { times: Number(times), ms: Math.round(Number(seconds) * 1000), cut: Number(cut) },
      ];
    }),
  );
}

describe('marquee report', { timeout: 180_000 }, () => {
  it('gives each sponsor exact times and seconds per day and screen as CSV, skipping a torn last line with a warning', async () => {
    const r = await runMarquee(['report', '--dir', dir, '--by', 'sponsor', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(parseCsv(r.stdout)).toEqual(expected);
    expect(r.stderr).toBe(
      `warning: ${join(dir, '2018-12-21.lobby.jsonl')}:121: the last line is incomplete (the kiosk stopped while writing it); skipped\n`,
    );
  });

  it('prints an aligned table for one screen and day, with the numbers a sponsor asks for', async () => {
    const r = await runMarquee([
      'report',
      '--dir',
      dir,
      '--screen',
      'hall-a',
      '--from',
      '2018-12-20',
      '--to',
      '2018-12-20',
    ]);
    expect(r.code).toBe(0);
    const wall = expected.get('华为|2018-12-20|hall-a') ?? { times: 0, ms: 0, cut: 0 };
    const minutes = (wall.ms / 60_000).toFixed(1);
    expect(r.stdout).toContain('Proof of play by sponsor, 2018-12-20 … 2018-12-20, screen hall-a: ');
    const row = r.stdout.split('\n').find((line) => line.startsWith('华为'));
    expect(row?.split(/\s{2,}/)).toEqual([
      '华为',
      '2018-12-20',
      'hall-a',
      String(wall.times),
      minutes,
      String(wall.cut),
    ]);
    const header = r.stdout.split('\n').find((line) => line.startsWith('Sponsor')) ?? '';
    expect(displayColumn(row ?? '', '2018-12-20')).toBe(header.indexOf('Day'));
    expect(displayColumn(row ?? '', 'hall-a')).toBe(header.indexOf('Screen'));
  });

  it('counts an impression that crosses midnight on the day it started', async () => {
    const r = await runMarquee([
      'report',
      '--dir',
      dir,
      '--by',
      'slide',
      '--format',
      'csv',
      '--screen',
      'hall-a',
    ]);
    const rows = r.stdout
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    const walls = rows.filter((c) => c[0] === 'wall');
    expect(walls.map((c) => [c[2], c[4]])).toEqual([
      ['2018-12-20', '41'],
      ['2018-12-21', '41'],
    ]);
  });

  it('exits 2 for a bad date range', async () => {
    const r = await runMarquee(['report', '--dir', dir, '--from', '2018-12-21', '--to', '2018-12-20']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from must not be after --to');
  });
});

/** The terminal column where `needle` starts in `line` (wide characters count two). */
function displayColumn(line: string, needle: string): number {
  const before = line.slice(0, line.indexOf(needle));
  let width = 0;
  for (const ch of before) width += /[\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uff60]/.test(ch) ? 2 : 1;
  return width;
}
