import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AssetCache, type PrefetchProgress } from '../../../src/host/cache/assetCache';
import { type AssetServer, LOOPBACK_POLICY, startAssetServer } from './assetServer';

const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
const png = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
const sha = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

let server: AssetServer;
let dir: string;

beforeAll(async () => {
  server = await startAssetServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-cache-'));
  server.routes.clear();
  server.hits.clear();
  server.routes.set('/logo.svg', { type: 'image/svg+xml', body: svg });
  server.routes.set('/photo.png', { type: 'image/png', body: png });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = (extra: Partial<Parameters<typeof AssetCache.open>[0]> = {}) =>
  AssetCache.open({ dir, policy: { ...LOOPBACK_POLICY, timeoutMs: 20_000 }, ...extra });

describe('AssetCache.prefetch', () => {
  it('downloads each URL once into files named by the sha256 of their content, with an index', async () => {
    const cache = await open();
    const progress: PrefetchProgress[] = [];
    const urls = [server.url('/logo.svg'), server.url('/photo.png')];
    const summary = await cache.prefetch(urls, (p) => progress.push(p));
    expect(summary).toEqual({ fetched: 2, alreadyCached: 0, failed: [] });
    expect(progress.map((p) => p.done)).toEqual([1, 2]);
    expect(progress.every((p) => p.total === 2)).toBe(true);
    expect((await readdir(join(dir, 'files'))).sort()).toEqual([`${sha(png)}.png`, `${sha(svg)}.svg`].sort());
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
    expect(index.version).toBe(1);
    expect(index.entries[server.url('/photo.png')]).toMatchObject({
      sha256: sha(png),
      size: png.length,
      contentType: 'image/png',
    });
    expect(cache.lookup(server.url('/logo.svg'))).toEqual({
      file: join(dir, 'files', `${sha(svg)}.svg`),
      contentType: 'image/svg+xml',
    });

    const again = await (await open()).prefetch(urls);
    expect(again).toEqual({ fetched: 0, alreadyCached: 2, failed: [] });
    expect(server.hits.get('/logo.svg')).toBe(1);
    expect(server.hits.get('/photo.png')).toBe(1);
  });

  it('lists failures with a reason a person understands, and still caches the rest', async () => {
    server.routes.set('/gone.png', { status: 404, body: 'nope' });
    server.routes.set('/huge.mp4', { type: 'video/mp4', body: Buffer.alloc(5000) });
    server.routes.set('/chunked.mp4', (_req, res) => {
      res.setHeader('Content-Type', 'video/mp4');
      res.write(Buffer.alloc(3000));
      res.end(Buffer.alloc(3000));
    });
    const cache = await open({ policy: { ...LOOPBACK_POLICY, timeoutMs: 20_000, maxBytes: 4096 } });
    const summary = await cache.prefetch([
      server.url('/logo.svg'),
      server.url('/gone.png'),
      server.url('/huge.mp4'),
      server.url('/chunked.mp4'),
      'http://example.invalid/logo.png',
      'ftp://127.0.0.1/logo.png',
    ]);
    expect(summary.fetched).toBe(1);
    expect(summary.alreadyCached).toBe(0);
    const reasons = Object.fromEntries(
      summary.failed.map((f) => [f.url.replace(server.origin, ''), f.reason]),
    );
    expect(reasons).toEqual({
      '/gone.png': 'the server answered HTTP 404',
      '/huge.mp4': 'too large: 5000 bytes (the limit is 4096)',
      '/chunked.mp4': 'too large: more than 4096 bytes',
      'http://example.invalid/logo.png': 'only https:// URLs are fetched (got http://example.invalid)',
      'ftp://127.0.0.1/logo.png': 'only https:// URLs are fetched (got ftp://127.0.0.1)',
    });
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
    expect(await readdir(join(dir, 'files'))).toEqual([`${sha(svg)}.svg`]);
  });

  it('gives up on a download that takes longer than the timeout', async () => {
    server.routes.set('/slow.png', (_req, res) => {
      res.setHeader('Content-Type', 'image/png');
      res.write(Buffer.alloc(10));
      setTimeout(() => res.end(Buffer.alloc(10)), 8000).unref();
    });
    const cache = await open({ policy: { ...LOOPBACK_POLICY, timeoutMs: 1500 } });
    const summary = await cache.prefetch([server.url('/slow.png')]);
    expect(summary.failed).toEqual([{ url: server.url('/slow.png'), reason: 'timed out after 1.5 s' }]);
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
  });

  it('follows redirects only while they stay on allowed URLs', async () => {
    server.routes.set('/moved.svg', { status: 302, body: '', headers: { Location: '/logo.svg' } });
    server.routes.set('/to-plain-http.svg', {
      status: 301,
      body: '',
      headers: { Location: 'http://example.invalid/logo.svg' },
    });
    server.routes.set('/loop', { status: 302, body: '', headers: { Location: '/loop' } });
    const cache = await open();
    const summary = await cache.prefetch([
      server.url('/moved.svg'),
      server.url('/to-plain-http.svg'),
      server.url('/loop'),
    ]);
    expect(summary.fetched).toBe(1);
    expect(cache.lookup(server.url('/moved.svg'))?.contentType).toBe('image/svg+xml');
    expect(summary.failed).toEqual([
      {
        url: server.url('/to-plain-http.svg'),
        reason: 'redirected to a refused URL: only https:// URLs are fetched (got http://example.invalid)',
      },
      { url: server.url('/loop'), reason: 'more than 5 redirects' },
    ]);
  });

  it('refuses plain http even on loopback unless the test option allows it', async () => {
    const cache = await AssetCache.open({ dir });
    const summary = await cache.prefetch([server.url('/logo.svg')]);
    expect(summary.failed).toEqual([
      {
        url: server.url('/logo.svg'),
        reason: `only https:// URLs are fetched (got http://${new URL(server.origin).host})`,
      },
    ]);
    expect(server.hits.size).toBe(0);
  });
});

describe('AssetCache integrity', () => {
  it('detects a file whose content changed on first serve after a restart, deletes it and fetches it again', async () => {
    const url = server.url('/photo.png');
    await (await open()).prefetch([url]);
    const file = join(dir, 'files', `${sha(png)}.png`);
    const damaged = Buffer.from(png);
    damaged[100] = (damaged[100] ?? 0) ^ 0xff;
    await writeFile(file, damaged);

    const cache = await open();
    expect(cache.lookup(url)).not.toBeNull();
    const refetched = new Promise<string>((resolve) => cache.onCached(resolve));
    expect(await cache.lookupVerified(url)).toBeNull();
    expect(await refetched).toBe(url);
    expect(server.hits.get('/photo.png')).toBe(2);
    expect(await readFile(file)).toEqual(png);
    expect(await cache.lookupVerified(url)).toEqual({ file, contentType: 'image/png' });
  });

  it('drops a truncated file at lookup without touching the network in the caller, and refetches it in the background', async () => {
    const url = server.url('/logo.svg');
    const cache = await open();
    await cache.prefetch([url]);
    await truncate(join(dir, 'files', `${sha(svg)}.svg`), 5);
    const refetched = new Promise<string>((resolve) => cache.onCached(resolve));
    expect(cache.lookup(url)).toBeNull();
    await refetched;
    expect(cache.lookup(url)).not.toBeNull();
    expect(server.hits.get('/logo.svg')).toBe(2);
  });

  it('re-downloads a damaged file during prefetch and counts it as fetched', async () => {
    const url = server.url('/logo.svg');
    await (await open()).prefetch([url]);
    await writeFile(join(dir, 'files', `${sha(svg)}.svg`), svg.replace('rect', 'RECT'));
    const summary = await (await open()).prefetch([url]);
    expect(summary).toEqual({ fetched: 1, alreadyCached: 0, failed: [] });
    expect(await readFile(join(dir, 'files', `${sha(svg)}.svg`), 'utf8')).toBe(svg);
  });

  it('starts empty from a damaged index and removes files it no longer knows, and leftovers of downloads', async () => {
    await (await open()).prefetch([server.url('/logo.svg')]);
    await writeFile(join(dir, 'index.json'), '{"version": 1, "entr');
    await writeFile(join(dir, 'tmp', 'abc.part'), 'half a download');
    const warnings: string[] = [];
    const cache = await open({ log: { info: () => {}, warn: (_o, msg) => warnings.push(msg) } });
    expect(cache.urls()).toEqual([]);
    expect(await readdir(join(dir, 'files'))).toEqual([]);
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
    expect(warnings).toEqual([`${join(dir, 'index.json')} is not valid JSON; starting with an empty cache`]);
  });
});

describe('AssetCache size limit', () => {
  it('evicts the least recently used entries the current playlist does not need', async () => {
    const body = (n: number) => Buffer.alloc(1000, n);
    for (const n of [1, 2, 3, 4]) server.routes.set(`/a${n}.png`, { type: 'image/png', body: body(n) });
    let now = 1_000;
    const cache = await open({ maxTotalBytes: 2500, now: () => now });
    await cache.prefetch([server.url('/a1.png'), server.url('/a2.png')]);
    now = 2_000;
    expect(cache.lookup(server.url('/a1.png'))).not.toBeNull();
    now = 3_000;
    const summary = await cache.prefetch([server.url('/a3.png'), server.url('/a4.png')]);
    expect(summary.fetched).toBe(2);
    // a2 was used least recently (1 000) and a1 at 2 000: both go, only a3 and a4 (the current playlist) fit.
    expect([...cache.urls()].sort()).toEqual([server.url('/a3.png'), server.url('/a4.png')]);
    expect(cache.totalBytes()).toBe(2000);
    expect((await readdir(join(dir, 'files'))).sort()).toEqual(
      [`${sha(body(3))}.png`, `${sha(body(4))}.png`].sort(),
    );
  });

  it('keeps the more recently used of two old entries when one eviction is enough', async () => {
    const body = (n: number) => Buffer.alloc(1000, n);
    for (const n of [1, 2, 3]) server.routes.set(`/b${n}.png`, { type: 'image/png', body: body(n) });
    let now = 1_000;
    const cache = await open({ maxTotalBytes: 2500, now: () => now });
    await cache.prefetch([server.url('/b1.png'), server.url('/b2.png')]);
    now = 2_000;
    cache.lookup(server.url('/b1.png'));
    await cache.prefetch([server.url('/b3.png')]);
    expect([...cache.urls()].sort()).toEqual([server.url('/b1.png'), server.url('/b3.png')]);
  });

  it('stores content shared by two URLs once', async () => {
    server.routes.set('/copy.svg', { type: 'image/svg+xml', body: svg });
    const cache = await open();
    await cache.prefetch([server.url('/logo.svg'), server.url('/copy.svg')]);
    expect(await readdir(join(dir, 'files'))).toEqual([`${sha(svg)}.svg`]);
    expect(cache.totalBytes()).toBe(Buffer.byteLength(svg));
  });
});
