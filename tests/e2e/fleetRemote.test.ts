import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Hub, startHub } from '../../src/host/hub/startHub';
import { startTestBroker, type TestBroker } from '../support/brokers';
import { launchChromium, type LaunchedChromium } from '../support/chromium';
import { type FakeScreen, startFakeScreen } from '../support/fakeScreen';
import { ensurePageBuilt } from '../support/rendererBuild';

const TOKEN = 'fleet-remote-test-token-123';
const SHOTS = join(tmpdir(), 'marquee-fleet-shots');

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
    hub = await startHub({
      dir,
      listen: { host: '127.0.0.1', port: 0 },
      mqttListen: [],
      broker: { url: broker.url, ...broker.staff },
      token: TOKEN,
      fleetRemoteDir: join(process.cwd(), 'dist', 'fleet-remote'),
    });
    screens.push(await startFakeScreen(broker.url, broker.screen('lobby'), ['doors']));
    screens.push(await startFakeScreen(broker.url, broker.screen('hall-a-door'), ['doors', 'hall-a']));
    const booth = await startFakeScreen(broker.url, broker.screen('booth-1'), ['booths']);
    await booth.stop();
    chromium = await launchChromium();
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
