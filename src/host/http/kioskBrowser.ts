import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import { cdpPipe } from '../screen/cdpPipe';
import { devtoolsDisplay } from '../screen/devtoolsDisplay';
import type { DisplayCapture, ScreenCapture } from '../screen/screenCapture';

/** A screen size in pixels. */
export type ScreenSize = Readonly<{ width: number; height: number }>;

/** The Chromium flags of a browser-mode kiosk: fullscreen app window, no prompts, video autoplay, own profile. */
export function kioskChromiumArgs(
  url: string,
  profileDir: string,
  runningAsRoot: boolean,
  screen: ScreenSize | null = null,
  extra: readonly string[] = [],
): string[] {
  return [
    '--kiosk',
    `--app=${url}`,
    '--noerrdialogs',
    '--disable-infobars',
    '--disable-session-crashed-bubble',
    '--disable-translate',
    '--no-first-run',
    '--no-default-browser-check',
    '--check-for-update-interval=31536000',
    '--autoplay-policy=no-user-gesture-required',
    // Why: the host keeps a DevTools pipe (fds 3 and 4) to see what the screen shows and reload it.
    '--remote-debugging-pipe',
    `--user-data-dir=${profileDir}`,
    // Why: on bare X without a window manager (many small kiosk boxes) --kiosk alone opens a half-size window.
    ...(screen ? ['--window-position=0,0', `--window-size=${screen.width},${screen.height}`] : []),
    // Why: Chromium refuses to start as root with its sandbox on (common on single-purpose kiosk boxes).
    ...(runningAsRoot ? ['--no-sandbox'] : []),
    ...extra,
  ];
}

/**
 * Extra Chromium flags from MARQUEE_KIOSK_CHROMIUM_ARGS (space-separated; tests only, e.g. a
 * `--remote-debugging-port` for a test to reach the page behind the host's back).
 */
function kioskExtraArgs(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  return (env.MARQUEE_KIOSK_CHROMIUM_ARGS ?? '').split(/\s+/).filter((a) => a.length > 0);
}

/** Reads the current screen size from `xrandr --current` output (`Screen 0: … current 1920 x 1080, …`). */
export function parseXrandrScreen(text: string): ScreenSize | null {
  const m = /current\s+(\d+)\s*x\s*(\d+)/.exec(text);
  const width = Number(m?.[1]);
  const height = Number(m?.[2]);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** The X screen size on Linux when `xrandr` can tell (best effort; null elsewhere or when it cannot). */
export function detectScreenSize(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ScreenSize | null {
  if (process.platform !== 'linux' || !env.DISPLAY) return null;
  const result = spawnSync('xrandr', ['--current'], {
    encoding: 'utf8',
    timeout: 3000,
    env: { ...process.env, ...env },
  });
  return result.status === 0 ? parseXrandrScreen(result.stdout) : null;
}

/** A kiosk browser this host started: the display it shows (seen through DevTools), a restart, and a stop. */
export type KioskBrowser = Readonly<{
  display(): DisplayCapture;
  /** The browser's one display as the show's `ScreenCapture` (DevTools), restart included. */
  capture: ScreenCapture;
  restart(): Promise<void>;
  stop(): void;
}>;

/**
 * Starts `chromium` as a kiosk on `url` with a DevTools pipe to it; `restart` stops it (SIGTERM, then
 * SIGKILL after 5 s) and starts it again on the same profile, unless `stop` came meanwhile.
 */
export function startKioskBrowser(
  chromium: string,
  url: string,
  profileDir: string,
  logger: Logger,
): KioskBrowser {
  let child = openKioskBrowser(chromium, url, profileDir, logger);
  let display = devtoolsDisplay(cdpPipe(child.stdio[3] as Writable, child.stdio[4] as Readable));
  const stopChild = (c: ChildProcess): Promise<void> =>
    new Promise((done) => {
      if (c.exitCode !== null || c.signalCode !== null) return done();
      const force = setTimeout(() => c.kill('SIGKILL'), 5_000);
      c.once('exit', () => {
        clearTimeout(force);
        done();
      });
      c.kill('SIGTERM');
    });
  let stopped = false;
  const restart = async (): Promise<void> => {
    await stopChild(child);
    // Why: stopped while the old browser was exiting (the show is closing); a new one would outlive the host.
    if (stopped) return;
    child = openKioskBrowser(chromium, url, profileDir, logger);
    display = devtoolsDisplay(cdpPipe(child.stdio[3] as Writable, child.stdio[4] as Readable));
  };
  return {
    display: () => display,
    capture: { kind: 'devtools', displays: () => [display], restart },
    restart,
    stop: () => {
      stopped = true;
      child.kill('SIGTERM');
    },
  };
}

/** Starts `chromium` as a kiosk on `url` (fds 3 and 4 are its DevTools pipe); its exit is logged. */
export function openKioskBrowser(
  chromium: string,
  url: string,
  profileDir: string,
  logger: Logger,
): ChildProcess {
  const screen = detectScreenSize();
  const args = kioskChromiumArgs(url, profileDir, process.getuid?.() === 0, screen, kioskExtraArgs());
  const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  logger.info({ chromium, args }, `opened ${url} in a Chromium kiosk window`);
  child.on('error', (err) => logger.error({ chromium, err: String(err) }, 'could not start Chromium'));
  child.on('exit', (code, signal) => logger.info({ code, signal }, 'the Chromium kiosk window closed'));
  return child;
}
