import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControlGateway } from '../../src/host/control/controlGateway';
import { noAudit } from '../../src/host/control/auditLog';
import { type LanServer, startLanServer } from '../../src/host/control/lanApi';
import { playerHostTarget } from '../../src/host/control/playerHostTarget';
import { freePort, type ServeProcess } from '../e2e/serveProcess';
import { machineHost } from '../host/control/machineHost';
import type { LaunchedChromium } from '../support/chromium';
import { REMOTE_DIST } from './remoteBuild';
import { PHONE, type RemoteShow, SHOTS, startRemoteShow } from './remoteShow';

const TOKEN = 'remote-e2e-token-7Hq2Lw9Xc';

let show: RemoteShow;
let home: string;
let serve: ServeProcess;
let lanUrl: string;
let chromium: LaunchedChromium;
let kiosk: Page;
let playlistFile: string;

async function phone(locale: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.browser.newContext({ ...PHONE, locale });
  const page = await context.newPage();
  await page.goto(`${lanUrl}/remote/#token=${TOKEN}`);
  await page.getByTestId('connection').and(page.locator('.online')).waitFor({ timeout: 15_000 });
  return { context, page };
}

beforeAll(async () => {
  show = await startRemoteShow('marquee-e2e-remote-', TOKEN);
  ({ home, serve, lanUrl, chromium, kiosk, playlistFile } = show);
}, 180_000);

afterAll(async () => {
  await show?.stop();
});

const kioskSlideType = () =>
  kiosk.evaluate(
    () => document.querySelector('[data-seq]:last-of-type')?.getAttribute('data-slide-type') ?? null,
  );
const kioskSeq = () =>
  kiosk.evaluate(() =>
    Math.max(...[...document.querySelectorAll('[data-seq]')].map((e) => Number(e.getAttribute('data-seq')))),
  );

describe('web remote on a phone, driving marquee serve', { timeout: 90_000 }, () => {
  it('prints the remote URL at start, and, not being a terminal, where to see the token instead of the token', () => {
    expect(serve.stdout()).toContain(`Remote control is on at ${lanUrl}`);
    expect(serve.stdout()).toContain('marquee token show');
    expect(serve.stdout()).not.toContain(TOKEN);
  });

  it('says on the live screen why there is no picture of a kiosk browser the host did not start', async () => {
    const { context, page } = await phone('zh-CN');
    const reason = page.getByTestId('shot-reason');
    await reason.waitFor({ timeout: 20_000 });
    expect(await reason.textContent()).toContain('serve without --open');
    expect(await page.getByTestId('live-screen').textContent()).toContain('无法获取屏幕画面');
    await page.screenshot({ path: join(SHOTS, 'remote-zh-live-unavailable.png') });
    await context.close();
  });

  it('taps Next and the kiosk page shows the next slide', async () => {
    const { context, page } = await phone('en-US');
    const before = await kioskSeq();
    const nowTitle = (await page.locator('.now-card .card-title').textContent()) ?? '';
    const nextTitle = (await page.locator('.next-card .card-title').textContent()) ?? '';
    expect(nowTitle).not.toBe('');
    await page.getByRole('button', { name: 'Next', exact: true }).tap();
    await page.waitForFunction(
      (t) => document.querySelector('.now-card .card-title')?.textContent === t,
      nextTitle,
      { timeout: 5000 },
    );
    await kiosk.waitForFunction(
      (seq) =>
        [...document.querySelectorAll('[data-seq]')].some((e) => Number(e.getAttribute('data-seq')) > seq),
      before,
      {
        timeout: 5000,
      },
    );
    await kiosk.waitForFunction(
      // A no-break space keeps " · " off a line start on the kiosk; it reads as a space.
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the audience sees.
      (t) => document.body.innerText.replaceAll('\u00a0', ' ').includes(t),
      nextTitle.split('\n')[0] ?? nextTitle,
      { timeout: 8000 },
    );
    await page.screenshot({ path: join(SHOTS, 'remote-en-control.png') });
    await kiosk.screenshot({ path: join(SHOTS, 'kiosk-after-next.png') });
    await context.close();
  });

  it('jumps from the slide list and puts up an announcement from a preset', async () => {
    const { context, page } = await phone('en-US');
    await page.getByRole('button', { name: 'Slides' }).tap();
    await page.locator('.slide-row', { hasText: 'Didi' }).first().tap();
    await page.locator('.slide-row.current', { hasText: 'Didi' }).waitFor({ timeout: 5000 });
    await kiosk.waitForFunction(
      () => document.querySelector('[data-slide-type="practice"]') !== null,
      undefined,
      { timeout: 8000 },
    );
    await page.screenshot({ path: join(SHOTS, 'remote-en-slides.png') });
    await page.getByRole('button', { name: 'Announce' }).tap();
    await page.getByRole('button', { name: /Lunch is served/ }).tap();
    await page.getByRole('button', { name: 'Show announcement' }).tap();
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the audience sees.
    await kiosk.waitForFunction(() => document.body.innerText.includes('午餐时间'), undefined, {
      timeout: 8000,
    });
    await page.locator('.current-announcement').waitFor();
    await page.screenshot({ path: join(SHOTS, 'remote-en-announce.png') });
    await kiosk.screenshot({ path: join(SHOTS, 'kiosk-announcement.png') });
    await page.getByRole('button', { name: 'Clear announcement' }).tap();
    await page.locator('.current-announcement').waitFor({ state: 'detached', timeout: 5000 });
    await context.close();
  });

  it('speaks Chinese on a Chinese phone and toggles pause and blackout', async () => {
    const { context, page } = await phone('zh-CN');
    expect(await page.locator('.tabbar').textContent()).toContain('幻灯片');
    await page.getByRole('button', { name: '暂停' }).tap();
    await page.locator('.flag-paused').waitFor({ timeout: 5000 });
    await page.screenshot({ path: join(SHOTS, 'remote-zh-control-paused.png') });
    await page.getByRole('button', { name: '继续' }).tap();
    await page.getByRole('button', { name: '黑屏' }).tap();
    await page.locator('.flag-black').waitFor({ timeout: 5000 });
    await page.getByRole('button', { name: '黑屏' }).tap();
    await page.locator('.flag-black').waitFor({ state: 'detached', timeout: 5000 });
    await page.getByRole('button', { name: '通知' }).tap();
    await page.screenshot({ path: join(SHOTS, 'remote-zh-announce.png') });
    await page.getByRole('button', { name: '幻灯片' }).tap();
    await page.screenshot({ path: join(SHOTS, 'remote-zh-slides.png') });
    expect(await kioskSlideType()).not.toBeNull();
    await context.close();
  });

  it('shows the problems of a rejected playlist edit, and clears them when the file is fixed', async () => {
    const { context, page } = await phone('en-US');
    const good = await readFile(playlistFile, 'utf8');
    const broken = JSON.parse(good);
    broken.slides[2].duration = 0;
    await writeFile(playlistFile, JSON.stringify(broken, null, 2));
    await page.locator('.problems').waitFor({ timeout: 15_000 });
    expect(await page.locator('.problems').textContent()).toContain('slides[2].duration');
    await page.screenshot({ path: join(SHOTS, 'remote-en-playlist-rejected.png') });
    await writeFile(playlistFile, good);
    await page.locator('.problems').waitFor({ state: 'detached', timeout: 15_000 });
    await context.close();
  });

  it('takes kiosk keys down the audited command path, and never writes the token into any log', async () => {
    const before = await kioskSeq();
    await kiosk.keyboard.press('ArrowRight');
    await kiosk.waitForFunction(
      (seq) =>
        [...document.querySelectorAll('[data-seq]')].some((e) => Number(e.getAttribute('data-seq')) > seq),
      before,
      { timeout: 5000 },
    );
    const logs = join(home, 'state', 'marquee', 'logs');
    const audit = await readFile(join(logs, 'control-audit.jsonl'), 'utf8');
    const lines = audit
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toContainEqual(
      expect.objectContaining({
        transport: 'keyboard',
        command: { type: 'next', screen: 'main' },
        result: 'ok',
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        transport: 'ws',
        command: expect.objectContaining({ type: 'next' }),
        result: 'ok',
      }),
    );
    for (const name of await readdir(logs))
      expect(await readFile(join(logs, name), 'utf8')).not.toContain(TOKEN);
  });

  it('asks for the token again when the host refuses it', async () => {
    const context = await chromium.browser.newContext({ ...PHONE, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${lanUrl}/remote/#token=wrong-token-0000000000`);
    await page.getByText('That token was refused').waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => localStorage.getItem('marquee.remote.token'))).toBeNull();
    await page.getByPlaceholder('Access token').waitFor();
    await page.screenshot({ path: join(SHOTS, 'remote-en-token.png') });
    await page.getByPlaceholder('Access token').fill(TOKEN);
    await page.getByRole('button', { name: 'Connect' }).tap();
    await page.locator('.pill.online').waitFor({ timeout: 10_000 });
    await context.close();
  });
});

describe('web remote when the Wi-Fi drops', { timeout: 90_000 }, () => {
  let lan: LanServer | null = null;
  const startLan = async (port: number) => {
    const gateway = createControlGateway(playerHostTarget([machineHost('hall-a')]), noAudit);
    lan = await startLanServer(
      { host: '127.0.0.1', port },
      { gateway, token: TOKEN, remoteDir: REMOTE_DIST },
    );
    return lan;
  };
  afterAll(async () => {
    await lan?.close();
  });

  it('shows clearly that it is offline and reconnects by itself', async () => {
    const port = await freePort();
    await startLan(port);
    const context = await chromium.browser.newContext({ ...PHONE, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/remote/#token=${TOKEN}`);
    await page.locator('.pill.online').waitFor({ timeout: 10_000 });
    expect(page.url()).not.toContain(TOKEN);
    await lan?.close();
    lan = null;
    await page.locator('.offline-banner').waitFor({ timeout: 5000 });
    expect(await page.getByRole('button', { name: 'Next', exact: true }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'remote-en-offline.png') });
    await startLan(port);
    await page.locator('.pill.online').waitFor({ timeout: 15_000 });
    expect(await page.locator('.offline-banner').count()).toBe(0);
    await context.close();
  });
});
