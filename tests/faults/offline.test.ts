import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playlist } from '../../src/core/playlist/types';
import { type AssetServer, startAssetServer } from '../host/cache/assetServer';
import { type LaunchedChromium, launchChromium } from '../support/chromium';
import { ensureRendererBuilt } from '../support/rendererBuild';
import { writeFastDemo } from '../soak/soakPlaylist';
import type { ServeProcess } from '../e2e/serveProcess';
import { health, serveShow, until } from './faultShow';

const root = join(import.meta.dirname, '..', '..');
const REMOTE = 'https://cdn.flink-forward.example';

let home: string;
let assets: AssetServer;
let chromium: LaunchedChromium;
let serve: ServeProcess | null = null;

/** The demo show with every `logos/…` ref turned into an https URL on a (made-up) CDN; the sponsor wall first, for long. */
async function writeRemoteDemo(dir: string): Promise<string> {
  const file = await writeFastDemo(dir, 2);
  const playlist = JSON.parse(
    (await readFile(file, 'utf8')).replaceAll('"logos/', `"${REMOTE}/logos/`),
  ) as Playlist;
  const sponsors = playlist.slides.filter((s) => s.type === 'sponsors').map((s) => ({ ...s, duration: 600 }));
  const rest = playlist.slides.filter((s) => s.type !== 'sponsors');
  await writeFile(file, JSON.stringify({ ...playlist, slides: [...sponsors, ...rest] }, null, 2));
  return file;
}

beforeAll(async () => {
  ensureRendererBuilt();
  home = await mkdtemp(join(tmpdir(), 'marquee-offline-'));
  assets = await startAssetServer();
  const logos = join(root, 'assets', 'demo', 'logos');
  for (const name of await readdir(logos)) {
    assets.routes.set(`/logos/${name}`, { type: 'image/svg+xml', body: await readFile(join(logos, name)) });
  }
  chromium = await launchChromium();
}, 180_000);
afterAll(async () => {
  await serve?.stop();
  await chromium?.cleanup();
  await assets?.close();
  await rm(home, { recursive: true, force: true });
});

describe('offline: remote logos play from the cache with the network blocked', () => {
  it('prefetches, then shows every remote logo from /cache/ while Chromium may reach only loopback', async () => {
    const file = await writeRemoteDemo(join(home));
    expect(await readFile(file, 'utf8')).toContain(`${REMOTE}/logos/alibaba.svg`);
    const env = { ...process.env, XDG_CACHE_HOME: join(home, 'cache'), XDG_STATE_HOME: join(home, 'state') };
    const prefetched = await promisify(execFile)(
      process.execPath,
      [join(root, 'bin', 'marquee.mjs'), 'prefetch', file, '--test-fetch-from', assets.origin],
      { env, cwd: root, timeout: 60_000 },
    );
    expect(prefetched.stdout).toMatch(/fetched/);
    await assets.close();

    serve = await serveShow(file, home);
    const url = serve.url;
    const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const blocked: string[] = [];
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      if (host === '127.0.0.1' || host === 'localhost') return route.continue();
      blocked.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(url);
    await until(
      async () => (await health(url)).slide?.type === 'sponsors',
      'the sponsor wall (remote logos) on screen',
      90_000,
    );
    let images: { src: string; ok: boolean }[] = [];
    await until(async () => {
      const layer = page.locator('.layer').last();
      images = await layer.locator('img').evaluateAll((imgs) =>
        (imgs as HTMLImageElement[]).map((img) => ({
          src: img.getAttribute('src') ?? '',
          ok: img.naturalWidth > 0,
        })),
      );
      const logos = images.filter((i) => i.src.includes('logos'));
      return logos.length >= 9 && logos.every((i) => i.src.startsWith('/cache/https%3A%2F%2F') && i.ok);
    }, 'every logo of the sponsor wall loaded from /cache/').catch((err: unknown) => {
      throw new Error(
        `${String(err)}\nimages: ${JSON.stringify(images)}\nhost: ${serve?.stderr().slice(-1500)}`,
      );
    });
    expect(await page.locator('.layer').last().locator('.placeholder').count()).toBe(0);
    await page.screenshot({ path: join(tmpdir(), 'marquee-offline-sponsors.png') });
    expect(blocked.filter((u) => u.startsWith(REMOTE))).toEqual([]);
    expect(pageErrors).toEqual([]);
    const h = await health(url);
    expect(h.renderers.acknowledged).toBeGreaterThan(0);
  }, 240_000);
});
