import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playlist } from '../../../src/core/playlist/types';
import { type AppRoots, planAppRequest } from '../../../src/host/kiosk/appRequest';

/** References every media file the tests ask for, the escaping ones too, so containment is what refuses those. */
const playlist: Playlist = {
  version: 1,
  event: { name: 'App test', timezone: 'Asia/Shanghai', languages: ['en'] },
  theme: { logo: 'images/logo zh.svg' },
  slides: [
    { type: 'video', id: 'clip', src: 'clip.mp4' },
    { type: 'image', id: 'escape', src: 'escape.txt' },
    { type: 'image', id: 'up', src: '../secret.txt' },
    { type: 'image', id: 'back', src: 'images\\..\\..\\secret.txt' },
  ],
};

let base: string;
let roots: AppRoots;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'marquee-app-'));
  const renderer = join(base, 'renderer');
  const media = join(base, 'playlist');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await mkdir(join(media, 'images'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>kiosk</title>');
  await writeFile(join(renderer, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(join(media, 'images', 'logo zh.svg'), '<svg/>');
  await writeFile(join(media, 'clip.mp4'), Buffer.alloc(1000, 7));
  await writeFile(join(base, 'secret.txt'), 'secret');
  await symlink(join(base, 'secret.txt'), join(media, 'escape.txt'));
  roots = { renderer, media: { dir: media, playlist } };
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, range?: string) => planAppRequest({ url, method: 'GET', range }, roots);

describe('planAppRequest', () => {
  it('serves the kiosk page with the CSP, nosniff and its content type', async () => {
    const plan = await get('app://renderer/index.html');
    expect(plan.status).toBe(200);
    expect(plan.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(plan.headers['Content-Security-Policy']).toContain('script-src app://renderer/assets/;');
    expect(plan.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(plan.body).toEqual({ file: join(roots.renderer, 'index.html'), start: 0, end: 34 });
  });

  it('serves index.html for the bare origin and scripts from the renderer build', async () => {
    expect((await get('app://renderer/')).body?.file).toBe(join(roots.renderer, 'index.html'));
    expect((await get('app://renderer/assets/main.js')).headers['Content-Type']).toContain('text/javascript');
  });

  it('serves playlist media under /media/, decoding escaped names', async () => {
    const plan = await get('app://renderer/media/images/logo%20zh.svg');
    expect(plan.status).toBe(200);
    expect(plan.headers['Content-Type']).toBe('image/svg+xml');
  });

  it('answers a byte range with 206 and the exact bytes', async () => {
    const plan = await get('app://renderer/media/clip.mp4', 'bytes=100-199');
    expect(plan.status).toBe(206);
    expect(plan.headers['Content-Range']).toBe('bytes 100-199/1000');
    expect(plan.headers['Content-Length']).toBe('100');
    expect(plan.body).toMatchObject({ start: 100, end: 199 });
  });

  it('answers a range past the end with 416 and no body', async () => {
    const plan = await get('app://renderer/media/clip.mp4', 'bytes=5000-');
    expect(plan.status).toBe(416);
    expect(plan.headers['Content-Range']).toBe('bytes */1000');
    expect(plan.body).toBeNull();
  });

  it('refuses traversal out of the renderer and media roots, plain or encoded', async () => {
    for (const url of [
      'app://renderer/../../etc/passwd',
      'app://renderer/%2e%2e/secret.txt',
      'app://renderer/media/..%2fsecret.txt',
      'app://renderer/media/%2e%2e/secret.txt',
      'app://renderer/media/images/..%5c..%5csecret.txt',
      'app://renderer/%00index.html',
    ]) {
      const plan = await get(url);
      expect(plan.status, url).toBe(404);
      expect(plan.body, url).toBeNull();
    }
  });

  it('refuses a symlink that points out of the playlist folder', async () => {
    expect((await get('app://renderer/media/escape.txt')).status).toBe(404);
  });

  it('refuses other hosts, malformed URLs and methods other than GET and HEAD', async () => {
    expect((await get('app://other/index.html')).status).toBe(400);
    expect((await get('app://user@renderer/index.html')).status).toBe(400);
    expect((await get('::::')).status).toBe(400);
    expect((await planAppRequest({ url: 'app://renderer/index.html', method: 'POST' }, roots)).status).toBe(
      405,
    );
  });

  it('answers HEAD with headers and no body', async () => {
    const plan = await planAppRequest({ url: 'app://renderer/media/clip.mp4', method: 'HEAD' }, roots);
    expect(plan.status).toBe(200);
    expect(plan.headers['Content-Length']).toBe('1000');
    expect(plan.body).toBeNull();
  });

  it('has no media before a playlist is loaded', async () => {
    const plan = await planAppRequest(
      { url: 'app://renderer/media/clip.mp4', method: 'GET' },
      { renderer: roots.renderer, media: null },
    );
    expect(plan.status).toBe(404);
  });
});
