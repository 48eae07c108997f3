import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../src/host/hub/startHub';
import { startTestBroker, type TestBroker } from '../support/brokers';
import { launchChromium, type LaunchedChromium } from '../support/chromium';
import { fleetTopics, type FleetThumbnail } from '../../src/core/channels/fleetContract';
import { ThumbnailsSnapshot } from '../../src/core/channels/hubApiContract';
import { type FakeScreen, fakeStatus, startFakeScreen } from '../support/fakeScreen';
import { startHubOn } from '../support/fleetScreens';
import { ensurePageBuilt } from '../support/rendererBuild';

const TOKEN = 'fleet-remote-test-token-123';
const SHOTS = '/tmp/shots/screenshots';

/** A slide-like picture drawn by the test (a role, never a name), as the JPEG a screen would publish. */
async function drawnThumbnail(chromium: LaunchedChromium, title: string, hue: number): Promise<Buffer> {
  const page = await chromium.browser.newPage({ viewport: { width: 320, height: 180 } });
  await page.setContent(
    `<body style="margin:0;width:320px;height:180px;font:600 22px sans-serif;color:#fff;` +
      `background:linear-gradient(135deg,hsl(${hue} 60% 30%),hsl(${hue + 40} 70% 12%));display:grid;place-items:center">` +
      `<div style="border-left:4px solid hsl(${hue} 90% 60%);padding-left:12px">${title}<br>` +
      `<small style="font-weight:400;font-size:14px;opacity:.8">Keynote speaker · 主讲嘉宾</small></div></body>`,
  );
  const jpeg = await page.screenshot({ type: 'jpeg', quality: 80 });
  await page.close();
  return jpeg;
}

describe('the fleet remote on a phone', () => {
  let broker: TestBroker;
  let hub: Hub;
  let chromium: LaunchedChromium;
  let dir: string;
  const screens: FakeScreen[] = [];
  beforeAll(async () => {
    ensurePageBuilt('fleet-remote');
    broker = await startTestBroker('aedes');
    dir = mkdtempSync(join(tmpdir(), 'marquee-fleet-ui-'));
    hub = await startHubOn(broker, dir, TOKEN, {
      fleetRemoteDir: join(process.cwd(), 'dist', 'fleet-remote'),
    });
    screens.push(await startFakeScreen(broker.url, broker.screen('lobby'), ['doors']));
    screens.push(await startFakeScreen(broker.url, broker.screen('hall-a-door'), ['doors', 'hall-a']));
    const booth = await startFakeScreen(broker.url, broker.screen('booth-1'), ['booths']);
    await booth.stop();
    chromium = await launchChromium();
    const publishThumb = async (screen: FakeScreen, name: string, title: string, hue: number) => {
      const thumb: FleetThumbnail = {
        screen: name,
        at: Date.now(),
        slideId: 'one',
        width: 320,
        height: 180,
        jpeg: (await drawnThumbnail(chromium, title, hue)).toString('base64'),
      };
      await screen.client.publishAsync(fleetTopics.thumbnail(name), JSON.stringify(thumb), {
        qos: 1,
        retain: true,
      });
    };
    const [lobby, door] = screens;
    if (lobby === undefined || door === undefined) throw new Error('the fake screens did not start');
    await publishThumb(lobby, 'lobby', '欢迎 Welcome', 220);
    await publishThumb(door, 'hall-a-door', 'Hall A · 主会场', 330);
    // The lobby's pixel watchdog saw it dark two minutes ago and reloaded it; it is still dark.
    const since = Date.now() - 120_000;
    await lobby.client.publishAsync(
      fleetTopics.status('lobby'),
      JSON.stringify({
        ...fakeStatus('lobby', ['doors'], 'one'),
        healthy: false,
        screenWatch: {
          capture: 'devtools',
          verdict: 'dark',
          lastProblem: {
            kind: 'dark',
            display: 1,
            since,
            at: since + 10_000,
            action: 'reload',
            recoveredAt: null,
          },
        },
      }),
      { qos: 1, retain: true },
    );
  });

  it('hands out the screens’ thumbnails, newer than a given time only when asked', async () => {
    const get = async (query: string) => {
      const res = await fetch(`${hub.url}/api/fleet/thumbnails${query}`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      return ThumbnailsSnapshot.parse(await res.json());
    };
    await expect
      .poll(async () => (await get('')).thumbnails.map((t) => t.screen).sort(), { timeout: 10_000 })
      .toEqual(['hall-a-door', 'lobby']);
    const newest = Math.max(...(await get('')).thumbnails.map((t) => t.at));
    expect((await get(`?since=${newest}`)).thumbnails).toEqual([]);
    expect(hub.link.snapshot().screens.find((s) => s.screen === 'lobby')?.thumbnailAt).toBeGreaterThan(0);
    expect((await fetch(`${hub.url}/api/fleet/thumbnails`)).status).toBe(401);
  });
  afterAll(async () => {
    for (const s of screens) await s.stop().catch(() => undefined);
    await chromium?.cleanup();
    await hub?.dispose();
    await broker?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['zh', 'en'] as const)(
    'lists the screens in %s, sends next to a group and raises the emergency',
    async (lang) => {
      const page = await chromium.browser.newPage({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
      });
      page.on('dialog', (d) => void d.accept());
      await page.goto(`${hub.url}/fleet/?lang=${lang}#token=${TOKEN}`);
      await page.locator('.screen.online').nth(1).waitFor({ timeout: 10_000 });
      await page.locator('.screen.offline').first().waitFor({ timeout: 10_000 });
      expect(await page.locator('.screen .name').allTextContents()).toEqual([
        'booth-1',
        'hall-a-door',
        'lobby',
      ]);
      await page.locator('.chip', { hasText: 'doors' }).click();
      await page.locator('.row button').nth(1).click();
      await page.locator('.note').waitFor();
      expect(await page.locator('.note').textContent()).toMatch(/2\/2/);
      await expect.poll(() => page.locator('.thumb img').count(), { timeout: 20_000 }).toBe(2);
      const widths = await page
        .locator('.thumb img')
        .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
      expect(widths).toEqual([320, 320]);
      expect(await page.getByTestId('screen-fault').textContent()).toMatch(
        lang === 'zh' ? /黑屏 · 2 分钟前 · 已重新加载/ : /Dark · 2 min ago · reloaded/,
      );
      await page.screenshot({ path: join(SHOTS, `fleet-${lang}.png`) });
      await page
        .locator('.field')
        .last()
        .fill(lang === 'zh' ? '请沿指示牌疏散' : 'Please follow the exit signs');
      await page.locator('.row button.danger').click();
      await page.locator('.alert-banner').waitFor({ timeout: 10_000 });
      expect(hub.link.snapshot().alert.active).toBe(true);
      await page.screenshot({ path: join(SHOTS, `fleet-${lang}-alert.png`) });
      await page.locator('.alert-banner button').click();
      await page.locator('.alert-banner').waitFor({ state: 'detached', timeout: 10_000 });
      await page.close();
    },
  );
});
