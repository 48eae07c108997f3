import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssetCache } from '../../../src/host/cache/assetCache';
import {
  CACHE_ROUTE,
  cacheUrlFor,
  missingAssetRef,
  remoteUrlOfCachePath,
  serveCached,
} from '../../../src/host/cache/cacheRoute';
import { type AssetServer, LOOPBACK_POLICY, startAssetServer } from './assetServer';

const video = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256));

let assets: AssetServer;
let dir: string;
let cache: AssetCache;
let host: Server;
let hostOrigin: string;

beforeAll(async () => {
  assets = await startAssetServer();
  assets.routes.set('/clip.webm', { type: 'video/webm', body: video });
  assets.routes.set('/page.html', { type: 'text/html', body: '<script>alert(1)</script>' });
  dir = await mkdtemp(join(tmpdir(), 'marquee-cache-route-'));
  cache = await AssetCache.open({ dir, policy: LOOPBACK_POLICY });
  await cache.prefetch([assets.url('/clip.webm'), assets.url('/page.html')]);
  host = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith(CACHE_ROUTE)) void serveCached(cache, req, res, path);
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
  await assets.close();
  await rm(dir, { recursive: true, force: true });
});

describe('cacheUrlFor / remoteUrlOfCachePath', () => {
  it('round-trips a URL with a query and non-ASCII path through one path segment', () => {
    const url = 'https://cdn.example.com/标志/logo.svg?v=2&x=a b';
    const path = cacheUrlFor(url);
    expect(path.startsWith('/cache/')).toBe(true);
    expect(path.slice('/cache/'.length)).not.toContain('/');
    expect(remoteUrlOfCachePath(path)).toBe(url);
  });

  it('does not take a missing marker, a nested path or a non-URL for a cached asset', () => {
    expect(remoteUrlOfCachePath(missingAssetRef('https://x.test/a.png'))).toBeNull();
    expect(remoteUrlOfCachePath('/cache/a/b')).toBeNull();
    expect(remoteUrlOfCachePath('/cache/%E0%A4%A')).toBeNull();
    expect(remoteUrlOfCachePath(`/cache/${encodeURIComponent('/etc/passwd')}`)).toBeNull();
  });
});

describe('serveCached', () => {
  it('serves a cached file with its content type, and byte ranges for video', async () => {
    const url = `${hostOrigin}${cacheUrlFor(assets.url('/clip.webm'))}`;
    const full = await fetch(url);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('video/webm');
    expect(Buffer.from(await full.arrayBuffer())).toEqual(video);
    const part = await fetch(url, { headers: { Range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(video.subarray(100, 200));
  });

  it('serves a non-media file as opaque bytes in a sandbox, never as a page of our origin', async () => {
    const res = await fetch(`${hostOrigin}${cacheUrlFor(assets.url('/page.html'))}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for what is not cached, without fetching it', async () => {
    const before = assets.hits.get('/other.png') ?? 0;
    const notCached = await fetch(`${hostOrigin}${cacheUrlFor(assets.url('/other.png'))}`);
    expect(notCached.status).toBe(404);
    expect(await notCached.text()).toContain('not in the offline cache yet');
    const marker = await fetch(`${hostOrigin}${missingAssetRef(assets.url('/other.png'))}`);
    expect(marker.status).toBe(404);
    expect(assets.hits.get('/other.png') ?? 0).toBe(before);
  });

  it('answers 404 for a damaged file instead of serving it, and has it fetched again', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'marquee-cache-route-2-'));
    try {
      const url = assets.url('/clip.webm');
      await (await AssetCache.open({ dir: fresh, policy: LOOPBACK_POLICY })).prefetch([url]);
      const restarted = await AssetCache.open({ dir: fresh, policy: LOOPBACK_POLICY });
      const file = restarted.lookup(url)?.file ?? '';
      await writeFile(file, Buffer.alloc(video.length, 1));
      const refetched = new Promise<string>((resolve) => restarted.onCached(resolve));
      const server = createServer((req, res) => void serveCached(restarted, req, res, req.url ?? '/'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const res = await fetch(`${origin}${cacheUrlFor(url)}`);
      expect(res.status).toBe(404);
      await refetched;
      const again = await fetch(`${origin}${cacheUrlFor(url)}`);
      expect(Buffer.from(await again.arrayBuffer())).toEqual(video);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });
});
