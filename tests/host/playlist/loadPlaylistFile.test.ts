import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assetExistsIn, formatProblem, loadPlaylistFile } from '../../../src/host/playlist/loadPlaylistFile';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-playlist-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function playlist(src: string): string {
  return JSON.stringify(
    {
      version: 1,
      event: { name: 'E', timezone: 'Asia/Shanghai', languages: ['en'] },
      slides: [{ type: 'image', id: 'a', src }],
    },
    null,
    2,
  );
}

describe('loadPlaylistFile', () => {
  it('loads a valid playlist whose assets exist next to it', async () => {
    await mkdir(join(dir, 'images'));
    await writeFile(join(dir, 'images', 'a.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(join(dir, 'playlist.json'), playlist('images/a.svg'));
    const loaded = await loadPlaylistFile(join(dir, 'playlist.json'));
    expect(loaded).toMatchObject({ kind: 'ok', dir, file: join(dir, 'playlist.json') });
    if (loaded.kind === 'ok') expect(loaded.playlist.slides).toHaveLength(1);
  });

  it('reports an asset missing from the playlist folder', async () => {
    await writeFile(join(dir, 'playlist.json'), playlist('images/missing.svg'));
    const loaded = await loadPlaylistFile(join(dir, 'playlist.json'));
    expect(loaded.kind).toBe('invalid');
    if (loaded.kind === 'invalid') {
      expect(loaded.problems).toEqual([
        {
          line: 14,
          column: 14,
          path: 'slides[0].src',
          message: "file not found: images/missing.svg (looked in the playlist's folder)",
        },
      ]);
    }
  });

  it('says the file cannot be read, and why, as its own kind of result', async () => {
    const missing = await loadPlaylistFile(join(dir, 'nope.json'));
    expect(missing).toEqual({
      kind: 'unreadable',
      file: join(dir, 'nope.json'),
      message: `cannot read ${join(dir, 'nope.json')}: no such file (check the path)`,
    });
    const folder = await loadPlaylistFile(dir);
    expect(folder.kind === 'unreadable' && folder.message).toContain('it is a folder');
  });
});

describe('assetExistsIn', () => {
  it('finds regular files inside the folder only', async () => {
    await mkdir(join(dir, 'inner', 'images'), { recursive: true });
    await writeFile(join(dir, 'outside.svg'), 'x');
    await writeFile(join(dir, 'inner', 'images', 'a.svg'), 'x');
    const exists = assetExistsIn(join(dir, 'inner'));
    expect(exists('images/a.svg')).toBe(true);
    expect(exists('./images/a.svg')).toBe(true);
    expect(exists('images')).toBe(false);
    expect(exists('../outside.svg')).toBe(false);
    expect(exists(join(dir, 'outside.svg'))).toBe(false);
  });

  it('follows a symlink to a file inside the folder, but not one that leads out of it', async () => {
    await mkdir(join(dir, 'inner'));
    await writeFile(join(dir, 'inner', 'real.svg'), 'x');
    await writeFile(join(dir, 'secret.svg'), 'x');
    await symlink(join(dir, 'inner', 'real.svg'), join(dir, 'inner', 'link.svg'));
    await symlink(join(dir, 'secret.svg'), join(dir, 'inner', 'escape.svg'));
    const exists = assetExistsIn(join(dir, 'inner'));
    expect(exists('link.svg')).toBe(true);
    expect(exists('escape.svg')).toBe(false);
  });
});

describe('formatProblem', () => {
  it('writes FILE:LINE:COL  PATH  message with two spaces between parts', () => {
    const line = formatProblem('playlist.json', {
      line: 42,
      column: 17,
      path: 'slides[3].duration',
      message: 'm',
    });
    expect(line).toBe('playlist.json:42:17  slides[3].duration  m');
    expect(formatProblem('p.json', { line: 1, column: 1, path: '', message: 'm' })).toBe('p.json:1:1  m');
  });
});
