import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Playlist } from '../../../src/core/playlist/types';
import { ManualClock } from '../../../src/host/clock';
import { PlaylistSource, PlaylistStartError } from '../../../src/host/playlist/playlistSource';
import { noticePlaylist, numberedNotices } from '../../support/noticePlaylist';

let dir: string;
let file: string;
let source: PlaylistSource;
let edits: Playlist[];
let statusChanges: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-source-'));
  file = join(dir, 'playlist.json');
  await writeFile(file, JSON.stringify(noticePlaylist(numberedNotices(2), { duration: 5 })));
  source = await PlaylistSource.open(file, new ManualClock(0), pino({ level: 'silent' }));
  edits = [];
  statusChanges = 0;
  await source.follow({ edited: (p) => edits.push(p), statusChanged: () => statusChanges++ }, null);
});

afterEach(async () => {
  await source.close();
  await rm(dir, { recursive: true, force: true });
});

describe('PlaylistSource', () => {
  it('coalesces the reloads asked for while one is under way into one more, which reads the latest file', async () => {
    await writeFile(file, JSON.stringify(noticePlaylist(numberedNotices(3), { duration: 5 })));
    const first = source.reload();
    const second = source.reload();
    const third = source.reload();
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect((await first).ok).toBe(true);
    expect(edits.map((p) => p.slides.length)).toEqual([3]);
  });

  it('keeps the last good playlist on a bad edit, says where it is wrong, and takes the fix', async () => {
    await writeFile(file, '{ "version": 1, ');
    const bad = await source.reload();
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.messages[0]).toMatch(/playlist\.json:1:\d+/);
    expect(edits).toEqual([]);
    expect(statusChanges).toBe(1);
    await writeFile(file, JSON.stringify(noticePlaylist(numberedNotices(5), { duration: 5 })));
    expect((await source.reload()).ok).toBe(true);
    expect(edits.map((p) => p.slides.length)).toEqual([5]);
    expect(statusChanges).toBe(2);
  });

  it('refuses to start on a file that cannot play, naming it', async () => {
    await writeFile(file, '[]');
    await expect(PlaylistSource.open(file, new ManualClock(0), pino({ level: 'silent' }))).rejects.toThrow(
      PlaylistStartError,
    );
  });
});
