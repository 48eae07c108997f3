import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlayedEffect } from '../../../src/core/proof/impressionRecord';
import type { Playlist } from '../../../src/core/playlist/types';
import {
  type AppendDurably,
  appendDurably,
  createImpressionSink,
  impressionFileName,
} from '../../../src/host/proof/impressionLog';
import { readImpressionLogs } from '../../../src/host/proof/readImpressionLogs';

const playlist: Playlist = {
  version: 1,
  event: { name: 'Flink Forward China 2018', timezone: 'Asia/Shanghai', languages: ['zh', 'en'] },
  slides: [
    { type: 'sponsors', id: 'wall', tiers: [{ name: 'Gold', sponsors: [{ name: 'A' }, { name: 'B' }] }] },
    { type: 'announcement', id: 'note', text: 'Welcome' },
  ],
};

const at = (iso: string): number => Date.parse(iso);
const played = (
  slideId: string,
  startIso: string,
  ms: number,
  reason: PlayedEffect['reason'] = 'time-up',
) => ({
  slideId,
  slideType: slideId === 'wall' ? 'sponsors' : 'announcement',
  presentedAt: at(startIso),
  endedAt: at(startIso) + ms,
  shownMs: ms,
  reason,
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-proof-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createImpressionSink', () => {
  it('appends one JSON line per impression, one file per event-timezone day and screen', async () => {
    const sink = createImpressionSink({ dir, screen: 'hall-a', playlistLookup: () => playlist });
    sink(played('wall', '2018-12-20T23:59:40+08:00', 15_000));
    sink(played('note', '2018-12-21T00:00:00+08:00', 8_000, 'staff'));
    sink({ ...played('wall', '2018-12-21T00:00:08+08:00', 10_000), screen: 'lobby' });
    await sink.flush();
    expect((await readdir(dir)).sort()).toEqual([
      '2018-12-20.hall-a.jsonl',
      '2018-12-21.hall-a.jsonl',
      '2018-12-21.lobby.jsonl',
    ]);
    const day1 = (await readFile(join(dir, '2018-12-20.hall-a.jsonl'), 'utf8')).split('\n');
    expect(day1).toHaveLength(2);
    expect(day1[1]).toBe('');
    expect(JSON.parse(day1[0] ?? '')).toMatchObject({
      day: '2018-12-20',
      screen: 'hall-a',
      slideId: 'wall',
      sponsors: ['A', 'B'],
      seconds: 15,
      cutShort: false,
    });
    const day2 = JSON.parse((await readFile(join(dir, '2018-12-21.hall-a.jsonl'), 'utf8')).trim());
    expect(day2).toMatchObject({ slideId: 'note', sponsors: [], cutShort: true, reason: 'staff' });
    expect(sink.stats()).toEqual({ written: 3, failedWrites: 0, pending: 0, dropped: 0 });
  });

  it('starts on a fresh line after a line torn by a crash, and the reader skips the torn line', async () => {
    const file = join(dir, impressionFileName('2018-12-20', 'main'));
    const sink1 = createImpressionSink({ dir, screen: 'main', playlistLookup: () => playlist });
    sink1(played('wall', '2018-12-20T10:00:00+08:00', 12_000));
    await sink1.flush();
    const whole = await readFile(file, 'utf8');
    await appendFile(file, whole.slice(0, 40));

    const before = await readImpressionLogs(dir);
    expect(before.records).toHaveLength(1);
    expect(before.warnings).toEqual([
      `${file}:2: the last line is incomplete (the kiosk stopped while writing it); skipped`,
    ]);

    const sink2 = createImpressionSink({ dir, screen: 'main', playlistLookup: () => playlist });
    sink2(played('wall', '2018-12-20T10:01:00+08:00', 12_000));
    await sink2.flush();
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(whole.slice(0, 40));
    const after = await readImpressionLogs(dir);
    expect(after.records.map((r) => r.start)).toEqual([
      '2018-12-20T02:00:00.000Z',
      '2018-12-20T02:01:00.000Z',
    ]);
    expect(after.warnings).toEqual([`${file}:2: not a valid impression record; skipped`]);
  });

  it('keeps the show going when the disk is full: counts, warns once, keeps lines and writes them later in order', async () => {
    let full = true;
    const attempts: string[] = [];
    const append: AppendDurably = async (file, data) => {
      attempts.push(data);
      if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      await appendDurably(file, data);
    };
    const warnings: string[] = [];
    const sink = createImpressionSink({
      dir,
      screen: 'main',
      playlistLookup: () => playlist,
      append,
      log: { info: () => {}, warn: (_o, msg) => warnings.push(msg) },
    });
    for (let i = 0; i < 5; i++) {
      expect(() => sink(played('wall', `2018-12-20T10:0${i}:00+08:00`, 10_000))).not.toThrow();
      await sink.flush();
    }
    expect(sink.stats()).toEqual({ written: 0, failedWrites: 5, pending: 5, dropped: 0 });
    expect(warnings).toEqual([
      'proof of play: the disk is full; impressions are kept in memory and retried (free some space)',
    ]);
    expect(await readdir(dir)).toEqual([]);

    full = false;
    sink(played('wall', '2018-12-20T10:05:00+08:00', 10_000));
    await sink.flush();
    expect(sink.stats()).toEqual({ written: 6, failedWrites: 5, pending: 0, dropped: 0 });
    const { records, warnings: readWarnings } = await readImpressionLogs(dir);
    expect(readWarnings).toEqual([]);
    expect(records.map((r) => r.start.slice(11, 16))).toEqual([
      '02:00',
      '02:01',
      '02:02',
      '02:03',
      '02:04',
      '02:05',
    ]);
  });

  it('drops the oldest impressions beyond its memory limit and counts them', async () => {
    const append: AppendDurably = async () => {
      throw Object.assign(new Error('EIO'), { code: 'EIO' });
    };
    const sink = createImpressionSink({
      dir,
      screen: 'main',
      playlistLookup: () => playlist,
      append,
      maxPending: 3,
    });
    for (let i = 0; i < 5; i++) sink(played('wall', `2018-12-20T10:0${i}:00+08:00`, 10_000));
    await sink.flush();
    expect(sink.stats()).toMatchObject({ pending: 3, dropped: 2, written: 0 });
  });
});

describe('readImpressionLogs', () => {
  it('reads only the files of the days asked for, and ignores other files', async () => {
    const sink = createImpressionSink({ dir, screen: 'main', playlistLookup: () => playlist });
    sink(played('wall', '2018-12-19T12:00:00+08:00', 1000));
    sink(played('wall', '2018-12-20T12:00:00+08:00', 1000));
    sink(played('wall', '2018-12-21T12:00:00+08:00', 1000));
    await sink.flush();
    await writeFile(join(dir, 'notes.txt'), 'not a log');
    const { records, files } = await readImpressionLogs(dir, { from: '2018-12-20', to: '2018-12-20' });
    expect(records.map((r) => r.day)).toEqual(['2018-12-20']);
    expect(files).toEqual([join(dir, '2018-12-20.main.jsonl')]);
  });
});
