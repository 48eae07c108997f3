import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssetCache } from '../../../src/host/cache/assetCache';
import { CACHE_ROUTE, cacheUrlFor, missingAssetRef, serveCached } from '../../../src/host/cache/cacheRoute';
import { type LaunchedChromium, launchChromium } from '../../support/chromium';
import { type AssetServer, routedTo, startAssetServer } from './assetServer';

const WORDMARK =
  '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="120" viewBox="0 0 480 120">' +
  '<rect width="480" height="120" rx="16" fill="#1e6bff"/>' +
  '<text x="240" y="78" font-family="Noto Sans CJK SC, sans-serif" font-size="48" font-weight="700" fill="#fff" text-anchor="middle">赞助商 Sponsor</text></svg>';

let assets: AssetServer;
let dir: string;
let host: Server;
let origin: string;
let chromium: LaunchedChromium;
const CACHED = 'https://assets.test/wordmark.svg';
const MISSING = 'https://assets.test/not-yet.svg';

beforeAll(async () => {
  assets = await startAssetServer();
  assets.routes.set('/wordmark.svg', { type: 'image/svg+xml', body: WORDMARK });
  dir = await mkdtemp(join(tmpdir(), 'marquee-cache-chromium-'));
  const cache = await AssetCache.open({
    dir,
    policy: routedTo(assets),
  });
  await cache.prefetch([CACHED]);
  const page = `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#0b1020;color:#fff;font:24px sans-serif">
<div style="display:flex;gap:40px;padding:40px;align-items:center">
<img id="cached" src="${cacheUrlFor(CACHED)}" width="480" height="120">
<img id="missing" src="${missingAssetRef(MISSING)}" width="480" height="120"
  onerror="this.replaceWith(Object.assign(document.createElement('div'),{id:'placeholder',textContent:'placeholder',style:'width:480px;height:120px;background:#334;display:grid;place-items:center'}))">
</div></body>`;
  host = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith(CACHE_ROUTE)) {
      void serveCached(cache, req, res, path);
      return;
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(page);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.cleanup();
  await new Promise((resolve) => host.close(resolve));
  await assets.close();
  await rm(dir, { recursive: true, force: true });
});

describe('cached assets in Chromium', { timeout: 120_000 }, () => {
  it('draws a cached https image from /cache/ and lets a missing one fall back to the placeholder', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1100, height: 200 } });
    await page.goto(`${origin}/`);
    await page.waitForSelector('#placeholder');
    const width = await page.$eval('#cached', (img) => (img as HTMLImageElement).naturalWidth);
    expect(width).toBe(480);
    await page.screenshot({ path: join(tmpdir(), 'marquee-cache-chromium.png') });
    await page.close();
    expect(assets.hits.get('/not-yet.svg')).toBeUndefined();
    expect(assets.hits.get('/wordmark.svg')).toBe(1);
  });
});
