import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Health } from '../../src/core/channels/healthContract';
import { textIn } from '../../src/remote-shared/textIn';
import type { LaunchedChromium } from '../support/chromium';
import { PHONE, type RemoteShow, SHOTS, startRemoteShow } from './remoteShow';

const TOKEN = 'health-panel-token-Zr81Kq0Vd';

let show: RemoteShow;
let lanUrl: string;
let chromium: LaunchedChromium;
let playlistFile: string;
let good: string;
/** Uncaught errors of any remote page; every test ends by checking there were none. */
const pageErrors: string[] = [];

async function health(): Promise<Health> {
  const res = await fetch(`${lanUrl}/api/health`);
  return Health.parse(await res.json());
}

/** A phone on the remote's health tab. */
async function healthTab(locale: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.browser.newContext({ ...PHONE, locale });
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`${locale}: ${err.message}`));
  await page.goto(`${lanUrl}/remote/#token=${TOKEN}`);
  // Why: health is polled over HTTP, apart from the control WebSocket, so the tab needs no "online" wait; a loaded
  // two-core machine takes long to start a page, hence the generous limits.
  const tab = page.getByRole('button', { name: locale.startsWith('zh') ? '状态' : 'Health' });
  await tab.waitFor({ timeout: 30_000 });
  const status = page.getByTestId('health-status');
  // Why: on a loaded machine a tap sent while the page is still starting up was seen to get lost once; tap again.
  for (let attempt = 1; (await status.count()) === 0; attempt++) {
    await tab.tap();
    try {
      await status.waitFor({ timeout: 10_000 });
    } catch (err) {
      if (attempt >= 3) {
        await page.screenshot({ path: join(SHOTS, `debug-health-tab-${locale}.png`) });
        throw err;
      }
    }
  }
  return { context, page };
}

const level = (page: Page) => page.getByTestId('health-status').getAttribute('data-level');

async function waitForLevel(page: Page, wanted: string): Promise<void> {
  await page.waitForFunction(
    (w) => document.querySelector('[data-testid="health-status"]')?.getAttribute('data-level') === w,
    wanted,
    { timeout: 20_000 },
  );
}

beforeAll(async () => {
  show = await startRemoteShow('marquee-e2e-health-', TOKEN);
  ({ lanUrl, chromium, playlistFile } = show);
  good = await readFile(playlistFile, 'utf8');
}, 180_000);

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

afterAll(async () => {
  await show?.stop();
});

describe('health panel of the web remote, against marquee serve', { timeout: 120_000 }, () => {
  it('shows OK in words and the slide on screen, as GET /api/health reports it', async () => {
    await expect
      .poll(async () => (await health()).renderers.acknowledgedSeq, { timeout: 30_000 })
      .not.toBeNull();
    const h = await health();
    expect(h.slide).not.toBeNull();
    const { context, page } = await healthTab('en-US');
    await waitForLevel(page, 'ok');
    expect(await page.getByTestId('health-status').textContent()).toContain('All OK');
    const slide = page.getByTestId('health-slide');
    expect(await slide.locator('.position').textContent()).toBe(`${h.slide?.position} / ${h.slide?.count}`);
    expect(await slide.locator('.health-slide-title').textContent()).toBe(textIn(h.slide?.title, 'en'));
    expect(await page.getByTestId('health-renderers').textContent()).toMatch(/Connected\s*1/);
    expect(await page.getByTestId('health-badge').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'remote-en-health-ok.png') });
    await context.close();

    const zh = await healthTab('zh-CN');
    await waitForLevel(zh.page, 'ok');
    expect(await zh.page.getByTestId('health-status').textContent()).toContain('一切正常');
    expect(await zh.page.getByTestId('health-slide').locator('.health-slide-title').textContent()).toBe(
      textIn(h.slide?.title, 'zh'),
    );
    // Why: this kiosk browser was not started by the host (serve without --open), which the picture check says.
    const unseen = zh.page.getByTestId('screen-unseen');
    expect(await unseen.locator('.refusal-headline').textContent()).toContain('主机看不到这块屏幕');
    expect(await unseen.locator('.refusal-detail').textContent()).toContain('serve without --open');
    await zh.page.screenshot({ path: join(SHOTS, 'remote-zh-health-ok.png') });
    await zh.context.close();
  });

  it('shows a broken playlist as a warning with FILE:LINE:COL, and recovers when the file is fixed', async () => {
    const en = await healthTab('en-US');
    const zh = await healthTab('zh-CN');
    await waitForLevel(en.page, 'ok');
    const broken = JSON.parse(good);
    broken.slides[2].duration = 0;
    const text = JSON.stringify(broken, null, 2);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => /"duration": 0,?$/.test(l));
    const col = (lines[line] ?? '').indexOf(': 0') + 3;
    await writeFile(playlistFile, text);

    for (const page of [en.page, zh.page]) {
      await waitForLevel(page, 'warning');
      await page.getByTestId('health-badge').waitFor({ timeout: 5000 });
      expect(await page.locator('.problem-place').textContent()).toBe(`playlist.json:${line + 1}:${col}`);
      expect(await page.locator('.problem-message').textContent()).toContain('slides[2].duration');
    }
    expect(await en.page.getByTestId('health-status').textContent()).toContain('Needs a look');
    expect(await zh.page.getByTestId('health-status').textContent()).toContain('需要关注');
    // Why: the show keeps playing the previous version, so the slide card stays filled.
    expect(await en.page.locator('.health-slide-title').textContent()).not.toBe('');
    await en.page.screenshot({ path: join(SHOTS, 'remote-en-health-broken.png') });
    await zh.page.screenshot({ path: join(SHOTS, 'remote-zh-health-broken.png') });

    await writeFile(playlistFile, good);
    for (const page of [en.page, zh.page]) {
      await waitForLevel(page, 'ok');
      expect(await page.locator('.problem-place').count()).toBe(0);
      expect(await page.getByTestId('health-badge').count()).toBe(0);
    }
    await en.context.close();
    await zh.context.close();
  });

  it('shows a problem in red words when no renderer is connected, and the Electron displays and GPU', async () => {
    const real = await health();
    const electron: Health = {
      ...real,
      healthy: false,
      renderers: { ...real.renderers, connected: 0 },
      displays: [
        { id: 1, label: 'DELL U2720Q', width: 3840, height: 2160, screen: 'main' },
        { id: 2, label: 'HDMI-2', width: 1920, height: 1080, screen: null },
      ],
      gpu: { gpu_compositing: 'enabled', webgl: 'unavailable_software', video_decode: 'enabled' },
    };
    const { context, page } = await healthTab('zh-CN');
    await page.route('**/api/health', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(electron) }),
    );
    await waitForLevel(page, 'problem');
    expect(await page.getByTestId('health-status').textContent()).toContain('出现故障');
    expect(await page.getByTestId('health-status').textContent()).toContain('没有屏幕连接');
    await page.screenshot({ path: join(SHOTS, 'remote-zh-health-problem.png') });
    const displays = page.getByTestId('health-displays');
    await displays.scrollIntoViewIfNeeded();
    expect(await displays.textContent()).toContain('3840×2160 · main');
    expect(await displays.textContent()).toContain('1920×1080 · 未使用');
    expect(await displays.textContent()).toContain('webgl: unavailable_software');
    await page.screenshot({ path: join(SHOTS, 'remote-zh-health-electron.png') });
    await page.unrouteAll();
    await context.close();
  });

  it('says "health unavailable" for a malformed answer without crashing, and recovers', async () => {
    const { context, page } = await healthTab('en-US');
    await waitForLevel(page, 'ok');
    await page.route('**/api/health', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"ok":true,"uptimeMs":"soon"}' }),
    );
    await waitForLevel(page, 'unavailable');
    expect(await page.getByTestId('health-status').textContent()).toContain('Health unavailable');
    expect(await page.locator('.tabbar').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'remote-en-health-unavailable.png') });
    await page.route('**/api/health', (route) => route.fulfill({ status: 200, body: 'not json' }));
    await page.waitForTimeout(6000);
    expect(await level(page)).toBe('unavailable');
    await page.unrouteAll();
    await waitForLevel(page, 'ok');
    await context.close();
  });

  it('stops polling while the page is hidden and asks again as soon as it is shown', async () => {
    const { context, page } = await healthTab('en-US');
    let asked = 0;
    page.on('request', (req) => {
      if (req.url().endsWith('/api/health')) asked++;
    });
    await expect.poll(() => asked, { timeout: 15_000 }).toBeGreaterThan(0);
    const setVisibility = (state: 'hidden' | 'visible') =>
      page.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    await page.waitForTimeout(1000);
    const whenHidden = asked;
    await page.waitForTimeout(12_000);
    expect(asked).toBe(whenHidden);
    await setVisibility('visible');
    await expect.poll(() => asked, { timeout: 5000 }).toBeGreaterThan(whenHidden);
    await context.close();
  });
});
