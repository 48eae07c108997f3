import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import type { Logger } from 'pino';

/** A screen size in pixels. */
export type ScreenSize = Readonly<{ width: number; height: number }>;

/** The Chromium flags of a browser-mode kiosk: fullscreen app window, no prompts, video autoplay, own profile. */
export function kioskChromiumArgs(
  url: string,
  profileDir: string,
  runningAsRoot: boolean,
  screen: ScreenSize | null = null,
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
    `--user-data-dir=${profileDir}`,
    // Why: on bare X without a window manager (many small kiosk boxes) --kiosk alone opens a half-size window.
    ...(screen ? ['--window-position=0,0', `--window-size=${screen.width},${screen.height}`] : []),
    // Why: Chromium refuses to start as root with its sandbox on (common on single-purpose kiosk boxes).
    ...(runningAsRoot ? ['--no-sandbox'] : []),
  ];
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

/** Starts `chromium` as a kiosk on `url`; its exit is logged, and the caller stops it with `kill()`. */
export function openKioskBrowser(
  chromium: string,
  url: string,
  profileDir: string,
  logger: Logger,
): ChildProcess {
  const screen = detectScreenSize();
  const args = kioskChromiumArgs(url, profileDir, process.getuid?.() === 0, screen);
  const child = spawn(chromium, args, { stdio: 'ignore' });
  logger.info({ chromium, args }, `opened ${url} in a Chromium kiosk window`);
  child.on('error', (err) => logger.error({ chromium, err: String(err) }, 'could not start Chromium'));
  child.on('exit', (code, signal) => logger.info({ code, signal }, 'the Chromium kiosk window closed'));
  return child;
}
