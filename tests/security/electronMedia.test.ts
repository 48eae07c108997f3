import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playlist } from '../../src/core/playlist/types';
import { type AppRoots, planAppRequest } from '../../src/host/kiosk/appRequest';

// Issue 11 §5: Electron's app://renderer/media/ served every file of the playlist's folder
// (playlist.json with its notes, README.md, …); browser mode serves only what the playlist references.

let base: string;
let roots: AppRoots;
const playlist: Playlist = {
  version: 1,
  event: { name: 'Media test', timezone: 'Asia/Shanghai', languages: ['en'] },
  theme: { logo: './logo.svg' },
  slides: [{ type: 'image', id: 'hall', src: 'images/hall map.svg', notes: 'private' }],
};

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'marquee-app-media-'));
  await mkdir(join(base, 'renderer'));
  await mkdir(join(base, 'show', 'images'), { recursive: true });
  await writeFile(join(base, 'show', 'playlist.json'), JSON.stringify(playlist));
  await writeFile(join(base, 'show', 'README.md'), '# organisers only');
  await writeFile(join(base, 'show', 'logo.svg'), '<svg/>');
  await writeFile(join(base, 'show', 'images', 'hall map.svg'), '<svg/>');
  await writeFile(join(base, 'show', 'images', 'draft.svg'), '<svg/>');
  roots = { renderer: join(base, 'renderer'), media: { dir: join(base, 'show'), playlist } };
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const status = async (path: string): Promise<number> =>
  (await planAppRequest({ url: `app://renderer/media/${path}`, method: 'GET' }, roots)).status;

describe('app://renderer/media/ serves what the playlist references, nothing else of its folder', () => {
  it('refuses the playlist itself, its README and a file no slide uses', async () => {
    expect(await status('playlist.json')).toBe(404);
    expect(await status('README.md')).toBe(404);
    expect(await status('images/draft.svg')).toBe(404);
    expect(await status('images/../playlist.json')).toBe(404);
  });

  it('serves the referenced files, by any spelling of their path', async () => {
    expect(await status('logo.svg')).toBe(200);
    expect(await status('images/hall%20map.svg')).toBe(200);
    expect(await status('./images/hall%20map.svg')).toBe(200);
  });
});
