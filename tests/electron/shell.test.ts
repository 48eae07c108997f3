import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Health } from '../../src/core/channels/healthContract';
import { locateElectron } from '../../scripts/electron/locate.mjs';
import { ensureElectronBuilt } from './support/electronBuild';
import { freePort } from '../e2e/serveProcess';

const root = join(import.meta.dirname, '..', '..');
const binary = locateElectron(root);
const SKIP_MESSAGE =
  'Electron binary not present (download blocked here): skipping shell tests; set ELECTRON_OVERRIDE_DIST_PATH to run them';
if (!binary.ok) console.warn(`${SKIP_MESSAGE} (${binary.reason})`);
const shellIt = binary.ok ? it : it.skip;

let dir: string;
let app: ElectronApplication | null = null;
let page: Page;
let healthUrl: string;

async function health(): Promise<Health> {
  return Health.parse(await (await fetch(healthUrl)).json());
}

beforeAll(async () => {
  if (!binary.ok) return;
  ensureElectronBuilt();
  dir = mkdtempSync(join(tmpdir(), 'marquee-shell-'));
  const playlist = join(dir, 'playlist.json');
  writeFileSync(
    playlist,
    JSON.stringify({
      version: 1,
      event: { name: 'Shell test', timezone: 'Asia/Shanghai', languages: ['en'] },
      theme: { logo: 'inside.svg' },
      slides: [{ type: 'announcement', id: 'hello', text: 'Hello from the shell test', duration: 60 }],
    }),
  );
  writeFileSync(join(dir, 'inside.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'inside.txt'), 'not referenced by the playlist');
  const port = await freePort();
  healthUrl = `http://127.0.0.1:${port}/api/health`;
  app = await _electron.launch({
    executablePath: binary.path,
    args: [
      // Why: Chromium refuses to run as root with its OS sandbox on (CI containers); the page's own sandbox stays on.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      join(root, 'dist', 'electron', 'main.cjs'),
      '--playlist',
      playlist,
      '--exit-chord',
      'Ctrl+Alt+Shift+F12',
      '--control-listen',
      `127.0.0.1:${port}`,
    ],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: join(dir, 'config'),
      XDG_STATE_HOME: join(dir, 'state'),
      XDG_RUNTIME_DIR: join(dir, 'run'),
      MARQUEE_LOG_LEVEL: 'warn',
    },
    timeout: 60_000,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
}, 120_000);

afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the Electron kiosk shell', () => {
  shellIt('opens exactly one window, on the primary display, in kiosk mode', async () => {
    expect(app?.windows()).toHaveLength(1);
    const state = await app?.evaluate(async ({ BrowserWindow, screen }) => {
      const win = BrowserWindow.getAllWindows()[0];
      for (let i = 0; i < 50 && win && !win.isKiosk(); i++) await new Promise((r) => setTimeout(r, 100));
      return { kiosk: win?.isKiosk(), primary: screen.getPrimaryDisplay().bounds, bounds: win?.getBounds() };
    });
    expect(state?.kiosk).toBe(true);
    expect(state?.bounds?.x).toBe(state?.primary.x);
  });

  shellIt('shows the first slide', async () => {
    await expect
      .poll(() => page.getByText('Hello from the shell test').isVisible(), { timeout: 15_000 })
      .toBe(true);
  });

  shellIt('exposes exactly the renderer API and no Node to the page', async () => {
    const shape = await page.evaluate(() => ({
      api: Object.keys((window as unknown as { marquee: object }).marquee).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(shape).toEqual({
      api: ['key', 'onShow', 'presented', 'problem'],
      require: 'undefined',
      process: 'undefined',
    });
  });

  shellIt('blocks navigation away from app://renderer and new windows', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app?.windows()).toHaveLength(1);
  });

  shellIt(
    'refuses app:// paths that climb out of the app, and serves only the media the playlist uses',
    async () => {
      const statuses = await page.evaluate(async () => {
        const status = async (url: string) => (await fetch(url)).status;
        return {
          dotted: await status('app://renderer/../../etc/passwd'),
          encoded: await status('app://renderer/%2e%2e/%2e%2e/etc/passwd'),
          media: await status('app://renderer/media/inside.svg'),
          unreferenced: await status('app://renderer/media/inside.txt'),
          playlist: await status('app://renderer/media/playlist.json'),
        };
      });
      expect(statuses).toEqual({ dotted: 404, encoded: 404, media: 200, unreferenced: 404, playlist: 404 });
    },
  );

  shellIt('answers GET /api/health with the displays and GPU status of this machine', async () => {
    await expect
      .poll(async () => (await health()).renderers.acknowledgedSeq, { timeout: 15_000 })
      .toBe((await health()).seq);
    const answer = await health();
    const facts = await app?.evaluate(({ app: electronApp, screen }) => ({
      version: electronApp.getVersion(),
      displays: screen.getAllDisplays().map((d) => d.id),
    }));
    expect(answer.version).toBe(facts?.version);
    expect(answer.displays?.map((d) => d.id)).toEqual(facts?.displays);
    expect(answer.displays?.filter((d) => d.screen === 'main')).toHaveLength(1);
    expect(answer.gpu).toHaveProperty('gpu_compositing');
    expect(answer.renderers.connected).toBe(1);
  });

  // Why: last, as it ends the page's renderer process.
  shellIt('reloads a crashed page on the same slide and names the crash in health', async () => {
    const before = await health();
    await app?.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer(),
    );
    await expect
      .poll(async () => (await health()).lastError?.message ?? '', { timeout: 15_000 })
      .toMatch(/^the kiosk page on display \d+ (crashed|was killed) /);
    await expect.poll(async () => (await health()).renderers.connected, { timeout: 30_000 }).toBe(1);
    const after = await health();
    expect(after.seq).toBe(before.seq);
    expect(after.slide?.id).toBe('hello');
  });
});
