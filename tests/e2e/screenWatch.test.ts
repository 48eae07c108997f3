import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Health } from '../../src/core/channels/healthContract';
import { SCREEN_WATCH_PERIOD_MS } from '../../src/host/screen/screenWatch';
import { noticePlaylist, numberedNotices } from '../support/noticePlaylist';
import { ensureRendererBuilt } from '../support/rendererBuild';
import { freePort, type ServeProcess, startServe } from './serveProcess';

const DISPLAY_NUMBER = 90 + (process.pid % 50);
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
  await writeFile(playlist, JSON.stringify(noticePlaylist(numberedNotices(4), { duration: 2 })));
  const debugPort = await freePort();
  serve = await startServe(
    ['--playlist', playlist, '--port', String(await freePort()), '--open'],
    home,
    30_000,
    {
      DISPLAY: `:${DISPLAY_NUMBER}`,
      MARQUEE_KIOSK_CHROMIUM_ARGS: `--remote-debugging-port=${debugPort}`,
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

describe('the pixel watchdog of serve --open under Xvfb', () => {
  it('sees the screen through its DevTools pipe', async () => {
    const h = await until('a first look', 4 * SCREEN_WATCH_PERIOD_MS, async () => {
      const x = await health();
      return x.screenWatch?.verdict === 'ok' ? x : null;
    });
    expect(h.screenWatch).toMatchObject({ capture: 'devtools', lastProblem: null });
  }, 60_000);

  it('notices a page blacked out behind its back, reloads it, and says so in health', async () => {
    const before = Date.now();
    await page.addStyleTag({ content: 'html { filter: brightness(0) !important; }' });
    const h = await until('health reports dark', 4 * SCREEN_WATCH_PERIOD_MS, async () => {
      const x = await health();
      return x.screenWatch?.lastProblem?.kind === 'dark' ? x : null;
    });
    expect(h.screenWatch?.lastProblem).toMatchObject({ kind: 'dark', action: 'reload' });
    expect(h.screenWatch?.lastProblem?.since).toBeGreaterThanOrEqual(before - 1000);
    expect(h.renderers.acknowledged).toBeGreaterThan(0);
    const back = await until('the screen is back', 6 * SCREEN_WATCH_PERIOD_MS, async () => {
      const x = await health();
      return x.screenWatch?.verdict === 'ok' ? x : null;
    });
    expect(back.screenWatch?.reloads).toBeGreaterThanOrEqual(1);
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
