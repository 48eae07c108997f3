import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowView } from '../../src/core/view/showView';
import { PlayerHost } from '../../src/host/PlayerHost';
import { RENDERER_ORIGIN } from '../../src/host/kiosk/appOrigin';
import { planAppRequest } from '../../src/host/kiosk/appRequest';
import { IPC, type RendererChannel } from '../../src/host/kiosk/ipcChannels';
import { acceptRendererMessage, rendererMessageToEvent } from '../../src/host/kiosk/rendererMessages';
import { type LaunchedChromium, launchChromium } from '../support/chromium';
import { ensureRendererBuilt, RENDERER_DIST } from '../support/rendererBuild';

// The Electron binary cannot run here, so this drives the kiosk page in Chromium exactly as the shell serves it:
// every request answered by `planAppRequest` (with the shell's CSP), the preload's API over the same IPC checks,
// and views from a real PlayerHost. Only the origin differs: app://renderer is spelled http://renderer.test.
const ORIGIN = 'http://renderer.test';
const root = join(import.meta.dirname, '..', '..');

let dir: string;
let chromium: LaunchedChromium;
let host: PlayerHost;
let page: Page;

const toApp = (url: string) => url.replace(ORIGIN, RENDERER_ORIGIN);

beforeAll(async () => {
  ensureRendererBuilt();
  dir = mkdtempSync(join(tmpdir(), 'marquee-shell-page-'));
  cpSync(join(root, 'assets', 'demo'), join(dir, 'show'), { recursive: true });
  writeFileSync(join(dir, 'show', 'evil.js'), 'window.__evilRan = true;');
  host = await PlayerHost.start({
    playlistFile: join(dir, 'show', 'playlist.json'),
    watch: false,
    assetBase: `${ORIGIN}/media/`,
  });
  chromium = await launchChromium();
  const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 720 } });
  page = await context.newPage();

  await page.route(`${ORIGIN}/**`, async (route) => {
    const request = route.request();
    const plan = await planAppRequest(
      { url: toApp(request.url()), method: request.method(), range: request.headers().range },
      { renderer: RENDERER_DIST, media: { dir: host.playlistDir, playlist: host.playlist } },
    );
    const headers = Object.fromEntries(
      Object.entries(plan.headers).map(([k, v]) => [k, v.replaceAll(RENDERER_ORIGIN, ORIGIN)]),
    );
    const body = plan.body ? readFileSync(plan.body.file).subarray(plan.body.start, plan.body.end + 1) : '';
    await route.fulfill({ status: plan.status, headers, body });
  });
  await page.exposeFunction('__marqueeIpc', (channel: RendererChannel, payload: unknown) => {
    const verdict = acceptRendererMessage(channel, payload, toApp(page.url()));
    if (!verdict.ok) throw new Error(verdict.reason);
    const event = rendererMessageToEvent(verdict.message, host.getState(), true);
    if (event) host.dispatch(event, 'renderer');
  });
  // The preload, over the page's binding instead of ipcRenderer.
  await page.addInitScript(
    ({ channels }) => {
      const w = window as unknown as Record<string, unknown>;
      const send = w.__marqueeIpc as (channel: string, payload: unknown) => Promise<void>;
      let latest: unknown = null;
      const listeners = new Set<(view: unknown) => void>();
      const violations: string[] = [];
      w.__cspViolations = violations;
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
      w.__marqueeShow = (view: unknown) => {
        latest = view;
        for (const listener of listeners) listener(view);
      };
      w.marquee = {
        onShow(listener: (view: unknown) => void) {
          listeners.add(listener);
          if (latest !== null) listener(latest);
          return () => listeners.delete(listener);
        },
        presented(seq: number, mediaDurationMs?: number) {
          void send(
            channels.presented,
            mediaDurationMs === undefined
              ? { type: 'presented', seq }
              : { type: 'presented', seq, mediaDurationMs },
          );
        },
        problem(seq: number, kind: string, ref: string, message: string) {
          void send(channels.problem, { type: 'problem', seq, kind, ref, message });
        },
        key(action: string) {
          void send(channels.key, { type: 'key', action });
        },
      };
    },
    { channels: IPC },
  );
  const push = (view: ShowView) =>
    page
      .evaluate((v) => (window as unknown as { __marqueeShow(view: unknown): void }).__marqueeShow(v), view)
      .catch(() => undefined);
  host.onView((view) => void push(view));
  await page.goto(`${ORIGIN}/index.html`);
  await push(host.getView());
}, 180_000);

afterAll(async () => {
  await host?.stop();
  await chromium?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const violations = () =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

describe('the kiosk page as the Electron shell serves it', () => {
  it('paints the first slide and acknowledges it, with no CSP violation', async () => {
    await expect
      .poll(
        () => {
          const slot = host.getState().slot;
          return slot.kind === 'slide' && slot.presented;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    await page.waitForTimeout(1500);
    mkdirSync(join(root, '.marquee-tmp'), { recursive: true });
    await page.screenshot({ path: join(root, '.marquee-tmp', 'shell-page.png') });
    expect(await violations()).toEqual([]);
  }, 60_000);

  it('shows the image, video and sponsor slides (media by range requests) with no CSP violation', async () => {
    for (const id of ['stream-art', 'stream-video', 'sponsors']) {
      const result = host.dispatch({ type: 'goto', target: id }, 'test');
      expect(result.ok, id).toBe(true);
      await expect
        .poll(
          () => {
            const slot = host.getState().slot;
            return slot.kind === 'slide' && slot.slideId === id && slot.presented;
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      await page.waitForTimeout(1200);
      await page.screenshot({ path: join(root, '.marquee-tmp', `shell-page-${id}.png`) });
    }
    expect(await violations()).toEqual([]);
  }, 90_000);

  it('loads playlist media from /media/ under the shell CSP', async () => {
    const status = await page.evaluate(async () => (await fetch('/media/logo.svg')).status);
    expect(status).toBe(200);
  });

  it('never runs a script from the playlist folder, even on the same origin', async () => {
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const script = document.createElement('script');
          script.src = '/media/evil.js';
          script.onerror = () => resolve();
          script.onload = () => resolve();
          document.head.append(script);
          setTimeout(resolve, 2000);
        }),
    );
    expect(
      await page.evaluate(() => (window as unknown as { __evilRan?: boolean }).__evilRan),
    ).toBeUndefined();
    expect((await violations()).some((v) => v.startsWith('script-src') && v.includes('/media/evil.js'))).toBe(
      true,
    );
  });
});
