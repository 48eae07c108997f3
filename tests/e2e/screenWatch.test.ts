import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Health } from '../../src/core/channels/healthContract';
import { SCREEN_WATCH_PERIOD_MS } from '../../src/host/screen/screenWatch';
import { noticePlaylist, numberedNotices } from '../support/noticePlaylist';
import { ensureRendererBuilt } from '../support/rendererBuild';
import { freePort, type ServeProcess, startServe } from './serveProcess';

const DISPLAY_NUMBER = 90 + (process.pid % 50);
const TOKEN = 'screen-watch-token-0123456789';
let lanUrl: string;
let xvfb: ChildProcess;
let home: string;
let serve: ServeProcess;
let browser: Browser;
let page: Page;

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function health(): Promise<Health> {
  const res = await fetch(new URL('api/health', serve.url));
  return Health.parse(await res.json());
}

/** The kiosk page of the browser `serve --open` started, reached through a second DevTools door. */
async function kioskPage(port: number): Promise<Page> {
  browser = await until('the kiosk browser answers DevTools', 60_000, async () =>
    chromium.connectOverCDP(`http://127.0.0.1:${port}`),
  );
  return until('the kiosk page shows a notice', 60_000, async () => {
    const p = browser.contexts().flatMap((c) => c.pages())[0];
    if (p === undefined) return null;
    // biome-ignore lint/performance/useDomNodeTextContent: what the screen shows, not the DOM text
    return (await p.evaluate(() => document.body.innerText.includes('Notice'))) ? p : null;
  });
}

beforeAll(async () => {
  ensureRendererBuilt();
  home = await mkdtemp(join(tmpdir(), 'marquee-e2e-screen-'));
  xvfb = spawn('Xvfb', [`:${DISPLAY_NUMBER}`, '-screen', '0', '1280x720x24', '-nolisten', 'tcp'], {
    stdio: 'ignore',
  });
  await until('Xvfb listens', 10_000, async () =>
    existsSync(`/tmp/.X11-unix/X${DISPLAY_NUMBER}`) ? true : null,
  );
  const playlist = join(home, 'playlist.json');
  // Why: four slides of 2 s, looked at every 5 s: every look sees another slide, so a freeze shows fast.
  await writeFile(
    playlist,
    JSON.stringify({
      ...noticePlaylist(numberedNotices(4), { duration: 2 }),
      theme: { background: '#1a7f3c' },
    }),
  );
  const debugPort = await freePort();
  const lanPort = await freePort();
  lanUrl = `http://127.0.0.1:${lanPort}`;
  serve = await startServe(
    [
      '--playlist',
      playlist,
      '--port',
      String(await freePort()),
      '--control-listen',
      `127.0.0.1:${lanPort}`,
      '--open',
    ],
    home,
    30_000,
    {
      DISPLAY: `:${DISPLAY_NUMBER}`,
      MARQUEE_KIOSK_CHROMIUM_ARGS: `--remote-debugging-port=${debugPort}`,
      MARQUEE_CONTROL_TOKEN: TOKEN,
    },
  );
  page = await kioskPage(debugPort);
}, 150_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await serve?.stop();
  xvfb?.kill('SIGTERM');
  await rm(home, { recursive: true, force: true });
});

/** The size a JPEG says it is (its start-of-frame marker); throws for bytes that are not a JPEG. */
function jpegSize(bytes: Buffer): Readonly<{ width: number; height: number }> {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('not a JPEG (no SOI marker)');
  for (let at = 2; at + 9 < bytes.length; ) {
    if (bytes[at] !== 0xff) throw new Error(`not a JPEG (no marker at ${at})`);
    const marker = bytes[at + 1] ?? 0;
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xc3)
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  throw new Error('not a JPEG (no start of frame)');
}

const screenshot = (query: string) =>
  fetch(`${lanUrl}/api/screenshot${query}`, { headers: { Authorization: `Bearer ${TOKEN}` } });

describe('screenshots of serve --open under Xvfb, through its DevTools pipe', () => {
  it('answers a PNG of the slide on screen: it decodes, at the width asked, in the playlist’s colours', async () => {
    const res = await until('a screenshot', 30_000, async () => {
      const r = await screenshot('?format=png&width=320');
      return r.status === 200 ? r : null;
    });
    expect(res.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await res.arrayBuffer());
    await writeFile('/tmp/shots/screenshots/api-screenshot.png', bytes).catch(() => undefined);
    const png = PNG.sync.read(bytes);
    expect({ width: png.width, height: png.height }).toEqual({ width: 320, height: 180 });
    // The playlist's background is green (#1a7f3c, shaded by the slide's vignette): so is the top left corner.
    const [r = 0, g = 0, b = 0] = png.data.subarray((4 * png.width + 4) * 4, (4 * png.width + 4) * 4 + 3);
    expect(g).toBeGreaterThan(r + 20);
    expect(g).toBeGreaterThan(b + 10);
    const spread = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) spread.add(png.data[i] ?? 0);
    expect(spread.size).toBeGreaterThan(10);
  }, 60_000);

  it('answers a scaled JPEG by default, and 429 with Retry-After to a second request within a second', async () => {
    await new Promise((r) => setTimeout(r, 1100));
    const first = await screenshot('');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/jpeg');
    expect(jpegSize(Buffer.from(await first.arrayBuffer()))).toEqual({ width: 960, height: 540 });
    const second = await screenshot('');
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 1100));
    const wrong = await screenshot('?display=2');
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({
      error: { message: '/api/screenshot: display must be 1 (this host shows one display) (got 2)' },
    });
  }, 60_000);
});

describe('the pixel watchdog of serve --open under Xvfb', () => {
  it('sees the screen through its DevTools pipe', async () => {
    const h = await until('a first look', 4 * SCREEN_WATCH_PERIOD_MS, async () => {
      const x = await health();
      return x.screenWatch?.verdict === 'ok' ? x : null;
    });
    expect(h.screenWatch).toMatchObject({
      capture: 'devtools',
      unavailable: null,
      displays: 1,
      lastProblem: null,
    });
  }, 60_000);

  it('notices a page blacked out behind its back, reloads it, and says so in health', async () => {
    const before = Date.now();
    await page.addStyleTag({ content: 'html { filter: brightness(0) !important; }' });
    const h = await until('health reports dark', 4 * SCREEN_WATCH_PERIOD_MS, async () => {
      const x = await health();
      return x.screenWatch?.lastProblem?.kind === 'dark' ? x : null;
    });
    expect(h.screenWatch?.lastProblem).toMatchObject({ kind: 'dark', display: 1, action: 'reload' });
    expect(h.screenWatch?.lastProblem?.since).toBeGreaterThanOrEqual(before - 1000);
    expect(h.renderers.acknowledged).toBeGreaterThan(0);
    const back = await until('the screen is back', 6 * SCREEN_WATCH_PERIOD_MS, async () => {
      const x = await health();
      return x.screenWatch?.verdict === 'ok' ? x : null;
    });
    expect(back.screenWatch?.reloads).toBeGreaterThanOrEqual(1);
    const recovered = await until(
      'health says the dark screen recovered',
      6 * SCREEN_WATCH_PERIOD_MS,
      async () => {
        const x = await health();
        return x.screenWatch?.lastProblem?.recoveredAt != null ? x : null;
      },
    );
    expect(recovered.screenWatch?.lastProblem?.kind).toBe('dark');
    expect(recovered.screenWatch?.lastProblem?.recoveredAt).toBeGreaterThan(
      recovered.screenWatch?.lastProblem?.at ?? Number.POSITIVE_INFINITY,
    );
  }, 90_000);

  it('notices a picture frozen across slide changes, reloads, and says so in health', async () => {
    const p = await until('the page after the reload', 30_000, async () => {
      const x = browser.contexts().flatMap((c) => c.pages())[0] ?? null;
      // biome-ignore lint/performance/useDomNodeTextContent: what the screen shows, not the DOM text
      return x !== null && (await x.evaluate(() => document.body.innerText.includes('Notice'))) ? x : null;
    });
    await p.evaluate(() => {
      const still = document.createElement('div');
      still.style.cssText =
        'position:fixed;inset:0;z-index:2147483647;background:linear-gradient(90deg,#fff 0 30%,#123 30%);font:120px sans-serif';
      still.textContent = 'still';
      document.body.append(still);
    });
    const h = await until('health reports frozen', 6 * SCREEN_WATCH_PERIOD_MS, async () => {
      const x = await health();
      return x.screenWatch?.lastProblem?.kind === 'frozen' ? x : null;
    });
    expect(h.screenWatch?.lastProblem).toMatchObject({ kind: 'frozen' });
    expect(h.lastError?.message).toMatch(/the screen was frozen/);
  }, 90_000);
});
