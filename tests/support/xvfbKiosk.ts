import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { freePort, type ServeProcess, startServe } from '../e2e/serveProcess';
import { ensureRendererBuilt } from './rendererBuild';
import { startXvfb } from './xvfb';

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
  const xvfb = await startXvfb();
  // Why: a kiosk that does not come up must not leave its Xvfb (or its serve) behind for the next test file.
  let serve: ServeProcess | null = null;
  try {
    const playlist = await writePlaylist(home);
    const debugPort = await freePort();
    const lanPort = await freePort();
    serve = await startServe(
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
        DISPLAY: xvfb.display,
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
    const running = serve;
    return {
      home,
      serve: running,
      lanUrl: `http://127.0.0.1:${lanPort}`,
      browser,
      page,
      stop: async () => {
        await browser.close().catch(() => undefined);
        await running.stop();
        xvfb.stop();
        await rm(home, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await serve?.stop().catch(() => undefined);
    xvfb.stop();
    await rm(home, { recursive: true, force: true });
    throw err;
  }
}
