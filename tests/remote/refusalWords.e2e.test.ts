import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playlist } from '../../src/core/playlist/types';
import { noAudit } from '../../src/host/control/auditLog';
import { createControlGateway } from '../../src/host/control/controlGateway';
import { type LanServer, startLanServer } from '../../src/host/control/lanApi';
import { playerHostTarget } from '../../src/host/control/playerHostTarget';
import { screenshotRoute } from '../../src/host/control/screenshotRoute';
import { EXTERNAL_BROWSER } from '../../src/host/screen/screenCapture';
import { createScreenshots } from '../../src/host/screen/screenshots';
import { freePort } from '../e2e/serveProcess';
import { demoPlaylist, machineHost } from '../host/control/machineHost';
import { type LaunchedChromium, launchChromium } from '../support/chromium';
import { fitsOnPhone, fontSize } from '../support/phoneLayout';
import { ensureRemoteBuilt, REMOTE_DIST } from './remoteBuild';
import { PHONE, SHOTS } from './remoteShow';

// The host's refusals on a phone: a real LAN API over a real player that refuses Next (every slide is disabled)
// and cannot see its screen (a kiosk browser it did not start), read in the phone's language.

const TOKEN = 'remote-e2e-refusal-9Tk3Wm2Q';

let lan: LanServer;
let chromium: LaunchedChromium;

/** The demo playlist with every slide disabled: the player refuses Next with `nothing-eligible`. */
function nothingToPlay(): Playlist {
  const playlist = demoPlaylist();
  return { ...playlist, slides: playlist.slides.map((slide) => ({ ...slide, enabled: false })) };
}

beforeAll(async () => {
  ensureRemoteBuilt();
  const gateway = createControlGateway(playerHostTarget([machineHost('main', nothingToPlay())]), noAudit);
  lan = await startLanServer(
    { host: '127.0.0.1', port: await freePort() },
    {
      gateway,
      token: TOKEN,
      remoteDir: REMOTE_DIST,
      screenshot: screenshotRoute(createScreenshots({ capture: () => EXTERNAL_BROWSER, now: Date.now })),
    },
  );
  chromium = await launchChromium();
}, 120_000);

afterAll(async () => {
  await chromium?.cleanup();
  await lan?.close();
});

/** A phone on the remote; `before` runs before the page opens (to stand in for some of the host's answers). */
async function phone(locale: string, before?: (page: Page) => Promise<unknown>): Promise<Page> {
  const context = await chromium.browser.newContext({ ...PHONE, locale });
  const page = await context.newPage();
  await before?.(page);
  await page.goto(`${lan.url}/remote/#token=${TOKEN}`);
  await page.locator('.pill.online').waitFor({ timeout: 15_000 });
  return page;
}

describe('the host’s refusals on the web remote', { timeout: 90_000 }, () => {
  it('says in Chinese why Next was refused and what to do, with the host’s English smaller beneath', async () => {
    const page = await phone('zh-CN');
    const reason = page.getByTestId('shot-reason');
    await reason.waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '下一张', exact: true }).tap();
    const toast = page.locator('.toast.error');
    await toast.waitFor({ timeout: 10_000 });
    expect(await toast.textContent()).toContain('现在没有可播放的幻灯片');
    const headline = toast.locator('.refusal-headline');
    const detail = toast.locator('.refusal-detail');
    expect(await headline.textContent()).toContain('可在“幻灯片”页点选一张临时播放');
    expect(await detail.textContent()).toContain('no slide can play now');
    expect(await detail.getAttribute('lang')).toBe('en');
    expect(await fontSize(detail)).toBeLessThan(await fontSize(headline));

    expect(await reason.locator('.refusal-headline').textContent()).toContain('主机看不到这块屏幕');
    expect(await reason.locator('.refusal-detail').textContent()).toContain('serve without --open');
    // Asking again cannot help a host that can never see its screen: no tap hint, nothing to press.
    const live = page.getByTestId('live-screen');
    expect(await live.locator('.shot-hint').count()).toBe(0);
    expect(await live.getByRole('button').count()).toBe(0);
    expect(await live.locator('.shot-frame').evaluate((e) => getComputedStyle(e).cursor)).toBe('default');
    for (const text of [headline, reason.locator('.refusal-headline')])
      expect(await fitsOnPhone(text)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'remote-zh-refusal.png'), animations: 'disabled' });
    await page.context().close();
  });

  it('says it in English on an English phone, the host’s text beneath', async () => {
    const page = await phone('en-US');
    await page.getByRole('button', { name: 'Next', exact: true }).tap();
    const toast = page.locator('.toast.error');
    await toast.waitFor({ timeout: 10_000 });
    expect(await toast.textContent()).toContain('No slide can play now');
    expect(await toast.locator('.refusal-headline').textContent()).toContain('No slide can play now');
    expect(await toast.locator('.refusal-detail').textContent()).toContain('no slide can play now');
    expect(await page.getByTestId('shot-reason').locator('.refusal-headline').textContent()).toContain(
      'The host cannot see this screen',
    );
    await page.screenshot({ path: join(SHOTS, 'remote-en-refusal.png'), animations: 'disabled' });
    await page.context().close();
  });

  it('keeps the tap to refresh when asking again may bring a picture (the capture failed this time)', async () => {
    const failed = {
      ok: false,
      id: null,
      error: { code: 'capture-failed', message: 'the kiosk browser did not answer within 5 s' },
    };
    let asked = 0;
    const page = await phone('zh-CN', (p) =>
      p.route('**/api/screenshot**', (route) => {
        asked += 1;
        return route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify(failed) });
      }),
    );
    const live = page.getByTestId('live-screen');
    await live.getByTestId('shot-reason').waitFor({ timeout: 15_000 });
    expect(await live.locator('.refusal-headline').textContent()).toContain('这次没能截取屏幕画面');
    expect(await live.locator('.shot-hint').textContent()).toBe('轻触画面即可刷新');
    expect(await live.locator('.shot-frame').evaluate((e) => getComputedStyle(e).cursor)).toBe('pointer');
    const before = asked;
    await live.getByRole('button', { name: /轻触画面即可刷新/ }).tap();
    await expect.poll(() => asked, { timeout: 10_000 }).toBeGreaterThan(before);
    await page.context().close();
  });

  it('says in Chinese why the health tab has no answer, here the host’s rate limit', async () => {
    const limited = {
      ok: false,
      id: null,
      error: { code: 'rate-limited', message: 'too many requests; try again in 2 s' },
    };
    const page = await phone('zh-CN', (p) =>
      p.route('**/api/health', (route) =>
        route.fulfill({ status: 429, contentType: 'application/json', body: JSON.stringify(limited) }),
      ),
    );
    await page.getByRole('button', { name: '状态' }).tap();
    const status = page.locator('[data-testid="health-status"][data-level="unavailable"]');
    await status.waitFor({ timeout: 15_000 });
    expect(await status.textContent()).toContain('无法获取状态');
    expect(await status.locator('.refusal-headline').textContent()).toContain('操作太频繁');
    expect(await status.locator('.refusal-detail').textContent()).toBe(limited.error.message);
    await page.screenshot({ path: join(SHOTS, 'remote-zh-health-refused.png'), animations: 'disabled' });
    await page.context().close();
  });
});
