import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../src/host/hub/startHub';
import { PHONE, SHOTS } from '../remote/remoteShow';
import { startTestBroker, type TestBroker } from '../support/brokers';
import { type LaunchedChromium, launchChromium } from '../support/chromium';
import { allOnline, type FleetScreen, startFleetScreen, startHubOn } from '../support/fleetScreens';
import { fitsOnPhone, fontSize } from '../support/phoneLayout';
import { ensurePageBuilt } from '../support/rendererBuild';

// The refusals of the hub and of the screens on the fleet remote, in the phone's language: a real hub and two real
// screens (startShow with the fleet link) on the embedded broker; the lobby's slides are all disabled, so its
// player refuses Next, and the hub refuses an announcement longer than the protocol allows.

const TOKEN = 'fleet-refusal-test-token-4Rk8';

let broker: TestBroker;
let hub: Hub;
let chromium: LaunchedChromium;
let dir: string;
const screens: FleetScreen[] = [];

beforeAll(async () => {
  ensurePageBuilt('fleet-remote');
  broker = await startTestBroker('aedes');
  dir = mkdtempSync(join(tmpdir(), 'marquee-fleet-refusal-'));
  hub = await startHubOn(broker, dir, TOKEN, { fleetRemoteDir: join(process.cwd(), 'dist', 'fleet-remote') });
  for (const [name, slidesEnabled] of [
    ['lobby', false],
    ['hall-a-door', true],
  ] as const) {
    screens.push(
      await startFleetScreen({
        url: broker.url,
        login: broker.screen(name),
        groups: ['doors'],
        dir: join(dir, name),
        slidesEnabled,
      }),
    );
  }
  await allOnline(hub, ['lobby', 'hall-a-door'], 20_000);
  chromium = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const s of screens) await s.dispose().catch(() => undefined);
  await chromium?.cleanup();
  await hub?.dispose();
  await broker?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** A phone on the fleet remote in `lang`, with both screens listed. */
async function phone(lang: 'zh' | 'en', height: number = PHONE.viewport.height): Promise<Page> {
  const context = await chromium.browser.newContext({ ...PHONE, viewport: { ...PHONE.viewport, height } });
  const page = await context.newPage();
  await page.goto(`${hub.url}/fleet/?lang=${lang}#token=${TOKEN}`);
  await page.locator('.screen.online').nth(1).waitFor({ timeout: 15_000 });
  return page;
}

describe('the refusals of the hub and the screens on the fleet remote', { timeout: 90_000 }, () => {
  it('says in Chinese which screen refused Next, why and what to do, its English smaller beneath', async () => {
    const page = await phone('zh');
    await page.getByRole('button', { name: '下一页' }).tap();
    const outcome = page.getByTestId('send-outcome');
    await outcome.waitFor({ timeout: 10_000 });
    expect(await page.locator('.note').textContent()).toContain('已送达 2/2');
    expect(await outcome.locator('.outcome-head strong').textContent()).toBe('1 块屏幕没有执行');
    const refusal = outcome.getByTestId('screen-refusal');
    expect(await refusal.count()).toBe(1);
    expect(await refusal.locator('.outcome-screens').textContent()).toBe('lobby');
    const headline = refusal.locator('.refusal-headline');
    const detail = refusal.locator('.refusal-detail');
    expect(await headline.textContent()).toContain('现在没有可播放的幻灯片');
    expect(await headline.textContent()).toContain('用这块屏幕自己的遥控页面');
    expect(await detail.textContent()).toContain('no slide can play now');
    expect(await detail.getAttribute('lang')).toBe('en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await fontSize(detail)).toBeLessThan(await fontSize(headline));
    for (const text of [headline, detail, outcome]) expect(await fitsOnPhone(text)).toBe(true);
    await page.screenshot({ path: '/tmp/fleet-words.png', animations: 'disabled' });
    await page.screenshot({ path: join(SHOTS, 'fleet-zh-refusal.png'), animations: 'disabled' });

    await outcome.getByRole('button', { name: '知道了' }).tap();
    await outcome.waitFor({ state: 'detached', timeout: 5_000 });
    await page.context().close();
  });

  it('says in Chinese why the hub did not send an announcement, the hub’s text beneath', async () => {
    const page = await phone('zh');
    await page.locator('.field').fill('请'.repeat(2100));
    await page.getByRole('button', { name: '发布通知' }).tap();
    const outcome = page.locator('[data-testid="send-outcome"][data-kind="failed"]');
    await outcome.waitFor({ timeout: 10_000 });
    expect(await page.locator('.note').textContent()).toContain('未送达');
    expect(await outcome.locator('.refusal-headline').textContent()).toContain('指令中有内容不被接受');
    expect(await outcome.locator('.refusal-detail').textContent()).toMatch(/^command: /);
    expect(await fitsOnPhone(outcome.locator('.refusal-headline'))).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'fleet-zh-hub-refusal.png'), animations: 'disabled' });
    await page.context().close();
  });

  it('says it in English on an English phone', async () => {
    const page = await phone('en');
    await page.getByRole('button', { name: 'Next' }).tap();
    const refusal = page.getByTestId('screen-refusal');
    await refusal.waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('send-outcome').locator('.outcome-head strong').textContent()).toBe(
      '1 screen did not do it',
    );
    expect(await refusal.locator('.refusal-headline').textContent()).toContain(
      'No slide can play now (all are disabled',
    );
    expect(await refusal.locator('.refusal-detail').textContent()).toContain('no slide can play now');
    await page.screenshot({ path: join(SHOTS, 'fleet-en-refusal.png'), animations: 'disabled' });
    await page.context().close();
  });

  it('keeps every screen row reachable above the actions while a refusal is shown, on a short phone', async () => {
    const page = await phone('zh', 640);
    await page.getByRole('button', { name: '下一页' }).tap();
    await page.getByTestId('send-outcome').waitFor({ timeout: 10_000 });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const { lastRowBottom, actionsTop } = await page.evaluate(() => {
      const rows = document.querySelectorAll('.screen');
      return {
        lastRowBottom: rows[rows.length - 1]?.getBoundingClientRect().bottom ?? Number.NaN,
        actionsTop: document.querySelector('.actions')?.getBoundingClientRect().top ?? Number.NaN,
      };
    });
    await page.screenshot({ path: join(SHOTS, 'fleet-zh-short-refusal.png'), animations: 'disabled' });
    expect(
      lastRowBottom,
      `last row ends at ${lastRowBottom}, the actions start at ${actionsTop}`,
    ).toBeLessThanOrEqual(actionsTop);
    await page.context().close();
  });
});
