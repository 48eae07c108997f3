import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedChromium, launchChromium } from '../support/chromium';
import { ensureRendererBuilt } from '../support/rendererBuild';
import { freePort, type ServeProcess, startServe } from './serveProcess';
import { noticePlaylist } from '../support/noticePlaylist';

let home: string;
let playlistFile: string;
let serve: ServeProcess;
let chromium: LaunchedChromium;
let page: Page;

const playlist = (texts: readonly string[]) =>
  noticePlaylist(
    texts.map((text, i) => ({ id: `a${i + 1}`, text: { zh: `${text} 中文`, en: text } })),
    { duration: 2, transition: 'cut' },
  );

async function writePlaylist(texts: readonly string[]): Promise<void> {
  await writeFile(playlistFile, `${JSON.stringify(playlist(texts), null, 2)}\n`);
}

/** The seq of the view the renderer says it has on screen. */
async function shownSeq(): Promise<number> {
  return Number(await page.getAttribute('[data-shown-seq]', 'data-shown-seq'));
}

async function waitForText(text: string, timeout = 20_000): Promise<void> {
  // biome-ignore lint/performance/useDomNodeTextContent: the test needs the rendered text, which textContent is not.
  await page.waitForFunction((t) => document.body.innerText.includes(t), text, { timeout, polling: 50 });
}

beforeAll(async () => {
  ensureRendererBuilt();
  home = await mkdtemp(join(tmpdir(), 'marquee-e2e-serve-'));
  playlistFile = join(home, 'playlist.json');
  await writePlaylist(['Alpha', 'Beta', 'Gamma']);
  serve = await startServe(
    ['--playlist', playlistFile, '--port', String(await freePort()), '--log-level', 'debug'],
    home,
  );
  chromium = await launchChromium();
  page = await chromium.browser.newPage({ viewport: { width: 1280, height: 720 } });
}, 120_000);

afterAll(async () => {
  await chromium?.cleanup();
  const code = await serve?.stop();
  await rm(home, { recursive: true, force: true });
  expect(code).toBe(0);
});

describe('marquee serve in Chromium', () => {
  it('prints where the show, the preview and the logs are', () => {
    expect(serve.stdout()).toMatch(/show:\s+http:\/\/127\.0\.0\.1:\d+\//);
    expect(serve.stdout()).toMatch(/preview:\s+http:\/\/127\.0\.0\.1:\d+\/preview/);
    expect(serve.stdout()).toContain(join(home, 'state', 'marquee', 'logs', 'marquee.log'));
  });

  it('shows the first slide and moves on by itself', async () => {
    await page.goto(serve.url);
    await waitForText('Alpha');
    const first = await shownSeq();
    await waitForText('Beta');
    // Why: not "Alpha is gone": on a loaded machine the 2 s rotation may already have come round again.
    expect(await shownSeq()).toBeGreaterThan(first);
  }, 60_000);

  it('paints the slide the page came with before its socket is open, and names it in the page', async () => {
    const html = await (await fetch(serve.url)).text();
    expect(html).toMatch(/<script type="application\/json" id="marquee-first-view">\{"type":"show"/);
    const offline = await chromium.browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      // A socket that never opens: whatever is painted came with the page.
      await offline.addInitScript(`window.WebSocket = class {
        constructor() { this.readyState = 0; }
        addEventListener() {} send() {} close() {}
      };`);
      await offline.goto(serve.url);
      await offline.locator('.layer').first().waitFor({ timeout: 20_000 });
      // biome-ignore lint/performance/useDomNodeTextContent: the test needs the rendered text, which textContent is not.
      const text = await offline.evaluate(() => document.body.innerText);
      expect(text).toMatch(/Alpha|Beta|Gamma/);
    } finally {
      await offline.close();
    }
  }, 60_000);

  it('applies an edit of the playlist without reloading the page', async () => {
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 4242;
    });
    await writePlaylist(['Alpha', 'Beta', 'Gamma', 'Delta added live']);
    await waitForText('Delta added live', 30_000);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(4242);
  }, 60_000);

  it('keeps playing on a broken edit and reports the problem with line and column, then takes the fix', async () => {
    const good = await readFile(playlistFile, 'utf8');
    const lines = good.split('\n');
    const broken = lines.findIndex((l) => l.includes('"en": "Gamma"'));
    lines[broken] = (lines[broken] ?? '').replace('"Gamma"', '"Gamma');
    await writeFile(playlistFile, lines.join('\n'));

    const logFile = join(home, 'state', 'marquee', 'logs', 'marquee.log');
    const escaped = playlistFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const where = new RegExp(`${escaped}:${broken + 1}:\\d+`);
    await expect.poll(() => serve.stderr(), { timeout: 20_000 }).toMatch(where);
    // Why: poll: the problem reaches stderr before its log line is in the file (seen once in the full suite).
    const refusedProblem = async (): Promise<string> =>
      (await readFile(logFile, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { msg: string; problems?: string[] })
        .find((r) => r.msg.includes('was refused'))?.problems?.[0] ?? '';
    await expect.poll(refusedProblem, { timeout: 10_000 }).toMatch(where);

    // The show goes on with the last good playlist: every slide still comes round.
    for (const text of ['Alpha', 'Beta', 'Delta added live']) await waitForText(text);

    await writePlaylist(['Alpha', 'Beta', 'Gamma', 'Epsilon after the fix']);
    await waitForText('Epsilon after the fix', 30_000);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(4242);
  }, 60_000);
});
