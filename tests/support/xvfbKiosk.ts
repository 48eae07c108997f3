import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { freePort, type ServeProcess, startServe } from '../e2e/serveProcess';
import { ensureRendererBuilt } from './rendererBuild';

/** Polls `probe` every 250 ms until it gives a value (errors count as no value), or throws naming `what`. */
export async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** `marquee serve --open` on its own Xvfb display with the LAN API on, and the kiosk page reached behind its back. */
export type XvfbKiosk = Readonly<{
  home: string;
  serve: ServeProcess;
  lanUrl: string;
  /** The kiosk browser the host started, reached through a second DevTools door (the test's, not the host's). */
  browser: Browser;
  /** The kiosk page as it is now (after a reload or restart, the new one). */
  page: () => Promise<Page>;
  stop: () => Promise<void>;
}>;

/**
 * Starts Xvfb (1280×720), then `marquee serve --open` playing `playlistFile` (written by `writePlaylist` into
 * the fresh home folder) with the LAN API on loopback and `token`, and waits until the kiosk page shows a
 * slide with `shows` (text in the page; '' for any).
 */
export async function startXvfbKiosk(
  prefix: string,
  token: string,
  writePlaylist: (home: string) => Promise<string>,
  shows: string,
  /** More `serve` flags (a fleet to join …), given the home folder. */
  extraArgs: (home: string) => Promise<readonly string[]> = async () => [],
): Promise<XvfbKiosk> {
  ensureRendererBuilt();
  const home = await mkdtemp(join(tmpdir(), prefix));
  const displayNumber = 90 + (process.pid % 50) + (prefix.length % 7) * 50;
  const xvfb: ChildProcess = spawn(
    'Xvfb',
    [`:${displayNumber}`, '-screen', '0', '1280x720x24', '-nolisten', 'tcp'],
    { stdio: 'ignore' },
  );
  await until('Xvfb listens', 10_000, async () =>
    existsSync(`/tmp/.X11-unix/X${displayNumber}`) ? true : null,
  );
  const playlist = await writePlaylist(home);
  const debugPort = await freePort();
  const lanPort = await freePort();
  const serve = await startServe(
    [
      '--playlist',
      playlist,
      '--port',
      String(await freePort()),
      '--control-listen',
      `127.0.0.1:${lanPort}`,
      ...(await extraArgs(home)),
      '--open',
    ],
    home,
    30_000,
    {
      DISPLAY: `:${displayNumber}`,
      MARQUEE_KIOSK_CHROMIUM_ARGS: `--remote-debugging-port=${debugPort}`,
      MARQUEE_CONTROL_TOKEN: token,
    },
  );
  const browser = await until('the kiosk browser answers DevTools', 60_000, async () =>
    chromium.connectOverCDP(`http://127.0.0.1:${debugPort}`),
  );
  const page = () =>
    until('the kiosk page shows the show', 60_000, async () => {
      const p = browser.contexts().flatMap((c) => c.pages())[0];
      if (p === undefined) return null;
      const ready = await p.evaluate(
        // biome-ignore lint/performance/useDomNodeTextContent: what the screen shows, not the DOM text
        (s) => document.querySelector('[data-seq]') !== null && document.body.innerText.includes(s),
        shows,
      );
      return ready ? p : null;
    });
  await page();
  return {
    home,
    serve,
    lanUrl: `http://127.0.0.1:${lanPort}`,
    browser,
    page,
    stop: async () => {
      await browser.close().catch(() => undefined);
      await serve.stop();
      xvfb.kill('SIGTERM');
      await rm(home, { recursive: true, force: true });
    },
  };
}
