import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freePort, type ServeProcess, startServe } from '../e2e/serveProcess';
import { type LaunchedChromium, launchChromium } from '../support/chromium';
import { ensureRendererBuilt } from '../support/rendererBuild';
import { ensureRemoteBuilt } from './remoteBuild';

const root = join(import.meta.dirname, '..', '..');

/** Where the remote's screenshots go. */
export const SHOTS = join(root, 'test-results', 'remote');

/** A phone in the hand of a staff member. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
} as const;

/** The demo show with long slide times, so that only staff move it during the test; returns its playlist file. */
export async function demoCopy(dir: string): Promise<string> {
  await cp(join(root, 'assets', 'demo'), dir, { recursive: true });
  const file = join(dir, 'playlist.json');
  const playlist = JSON.parse(await readFile(file, 'utf8'));
  playlist.defaults = { ...playlist.defaults, duration: 900 };
  for (const slide of playlist.slides) slide.duration = 900;
  await writeFile(file, JSON.stringify(playlist, null, 2));
  return file;
}

/** `marquee serve` playing a copy of the demo with the LAN API on, and a kiosk page showing it. */
export type RemoteShow = Readonly<{
  home: string;
  playlistFile: string;
  serve: ServeProcess;
  lanUrl: string;
  chromium: LaunchedChromium;
  kiosk: Page;
  stop: () => Promise<void>;
}>;

/** Starts a `RemoteShow` in a fresh temporary folder named after `prefix`, with `token` for the LAN API. */
export async function startRemoteShow(prefix: string, token: string): Promise<RemoteShow> {
  ensureRendererBuilt();
  ensureRemoteBuilt();
  const home = await mkdtemp(join(tmpdir(), prefix));
  const playlistFile = await demoCopy(join(home, 'show'));
  const lanPort = await freePort();
  const serve = await startServe(
    [
      '--playlist',
      playlistFile,
      '--port',
      String(await freePort()),
      '--control-listen',
      `127.0.0.1:${lanPort}`,
      '--control-token',
      token,
    ],
    home,
  );
  const chromium = await launchChromium();
  const kiosk = await chromium.browser.newPage({ viewport: { width: 1280, height: 720 } });
  await kiosk.goto(serve.url);
  await kiosk.locator('[data-seq]').first().waitFor({ timeout: 45_000 });
  await mkdir(SHOTS, { recursive: true });
  return {
    home,
    playlistFile,
    serve,
    lanUrl: `http://127.0.0.1:${lanPort}`,
    chromium,
    kiosk,
    stop: async () => {
      await chromium.cleanup();
      await serve.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
}
