import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../src/host/hub/startHub';
import { type LaunchedChromium, launchChromium } from '../support/chromium';
import { msUntil, type ScreenProcess } from '../support/fleetHub';
import {
  allOnline,
  type FleetScreen,
  QUICK_FLEET,
  spawnScreensOver,
  startFleetScreen,
  startLoopbackHub,
} from '../support/fleetScreens';
import { ensurePageBuilt } from '../support/rendererBuild';

const NODE_PROCESSES = 2;
const NODE_SCREENS = 50;
const SHOTS = '/tmp/shots/fleet-scale';
// Why: a keepalive of 10 s (the default) so a loaded machine never makes a quiet screen look silent.
const TUNING = { ...QUICK_FLEET, keepaliveS: 10 };

/** Node-only screens: doors of hall A and sponsor booths, alternately. */
const nodeScreens = Array.from({ length: NODE_SCREENS }, (_, i) => {
  const n = String(Math.floor(i / 2) + 1).padStart(2, '0');
  return i % 2 === 0
    ? { name: `hall-a-door-${n}`, groups: ['hall-a', 'doors'] }
    : { name: `booth-${n}`, groups: ['booths'] };
});
/** The two lobby screens rendered by Chromium; the first one is also in hall A. */
const browserScreens = [
  { name: 'lobby-1', groups: ['lobby', 'hall-a'] },
  { name: 'lobby-2', groups: ['lobby'] },
];
const everyone = [...nodeScreens, ...browserScreens];

describe('a fleet of 52 real screens on the embedded hub', () => {
  let dir: string;
  let hub: Hub;
  let chromium: LaunchedChromium;
  const processes: ScreenProcess[] = [];
  const browsers: FleetScreen[] = [];
  const pages: Page[] = [];
  /** The last slide each screen's renderer acknowledged. */
  const onScreen = new Map<string, string>();

  const waitAllShow = (names: readonly string[], slide: string, limitMs = 15_000) =>
    msUntil(
      () => names.filter((n) => onScreen.get(n) !== slide),
      (missing) => missing.length === 0,
      limitMs,
      20,
    );

  beforeAll(async () => {
    ensurePageBuilt('renderer');
    dir = mkdtempSync(join(tmpdir(), 'marquee-fleet-scale-'));
    mkdirSync(SHOTS, { recursive: true });
    const fleet = await startLoopbackHub(join(dir, 'hub'), 'fleet-scale-token-0123456789');
    hub = fleet.hub;
    const { url, login } = fleet;
    processes.push(
      ...spawnScreensOver(NODE_PROCESSES, fleet, { dir, tuning: TUNING, screens: nodeScreens }, (presented) =>
        onScreen.set(presented.screen, presented.slide),
      ),
    );
    for (const s of browserScreens) {
      const screen = await startFleetScreen({
        url,
        login: login(s.name),
        groups: s.groups,
        dir: join(dir, s.name),
        tuning: TUNING,
        renderer: 'browser',
      });
      screen.onPresented((p) => onScreen.set(screen.name, p.slide));
      browsers.push(screen);
    }
    chromium = await launchChromium();
    for (const screen of browsers) {
      const page = await chromium.browser.newPage({ viewport: { width: 960, height: 540 } });
      await page.goto(screen.url ?? '');
      pages.push(page);
    }
    await Promise.all(processes.map((p) => p.ready));
    await allOnline(
      hub,
      everyone.map((s) => s.name),
      45_000,
    );
    await waitAllShow(
      everyone.map((s) => s.name),
      's0',
    );
  }, 90_000);

  afterAll(async () => {
    await chromium?.cleanup();
    for (const p of processes) p.child.kill('SIGKILL');
    for (const screen of browsers) await screen.dispose();
    await hub?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a command to all reaches every screen, and each renderer acknowledges its new slide', async () => {
    const result = await hub.link.send({ target: { kind: 'all' }, command: { type: 'goto', slide: 's3' } });
    expect(result.expected).toHaveLength(52);
    expect(result.replies.filter((r) => r.reply.ok)).toHaveLength(52);
    await waitAllShow(
      everyone.map((s) => s.name),
      's3',
    );
    await pages[0]?.screenshot({ path: join(SHOTS, 'lobby-1-s3.png') });
  });

  it('a group command reaches only that group', async () => {
    const hallA = everyone.filter((s) => s.groups.includes('hall-a')).map((s) => s.name);
    const result = await hub.link.send({
      target: { kind: 'group', group: 'hall-a' },
      command: { type: 'goto', slide: 's4' },
    });
    expect([...result.expected].sort()).toEqual([...hallA].sort());
    expect(result.replies).toHaveLength(hallA.length);
    await waitAllShow(hallA, 's4');
    // Why: the others had every chance to move while hall A's 26 screens did; none did.
    await new Promise((r) => setTimeout(r, 300));
    const others = everyone.filter((s) => !s.groups.includes('hall-a')).map((s) => s.name);
    expect(others.filter((n) => onScreen.get(n) !== 's3')).toEqual([]);
    expect(others).toHaveLength(26);
  });

  it('the venue alert reaches all 52 screens, over everything, and clears', async () => {
    const text = { zh: '请沿指示牌从最近的出口疏散', en: 'Please leave by the nearest exit' };
    await hub.link.setAlert({ active: true, text });
    const alerting = () => hub.link.snapshot().screens.filter((r) => r.state === 'online' && r.last?.alert);
    await msUntil(alerting, (rows) => rows.length === 52, 15_000, 50);
    for (const page of pages) await page.locator('[data-overlay-announcement]').waitFor({ timeout: 10_000 });
    expect(await pages[1]?.locator('[data-overlay-announcement]').textContent()).toContain('请沿指示牌');
    await new Promise((r) => setTimeout(r, 400));
    await pages[1]?.screenshot({ path: join(SHOTS, 'lobby-2-alert.png') });
    await hub.link.setAlert({ active: false });
    await msUntil(alerting, (rows) => rows.length === 0, 15_000, 50);
    for (const page of pages)
      await page.locator('[data-overlay-announcement]').waitFor({ state: 'detached', timeout: 10_000 });
    for (const screen of browsers) expect(screen.show.host.getState().announcement).toBeNull();
  });
});
