import { type ChildProcess, spawn } from 'node:child_process';
import type { Logger } from 'pino';

/** The Chromium flags of a browser-mode kiosk: fullscreen app window, no prompts, video autoplay, own profile. */
export function kioskChromiumArgs(url: string, profileDir: string, runningAsRoot: boolean): string[] {
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
    // Why: Chromium refuses to start as root with its sandbox on (common on single-purpose kiosk boxes).
    ...(runningAsRoot ? ['--no-sandbox'] : []),
  ];
}

/** Starts `chromium` as a kiosk on `url`; its exit is logged, and the caller stops it with `kill()`. */
export function openKioskBrowser(
  chromium: string,
  url: string,
  profileDir: string,
  logger: Logger,
): ChildProcess {
  const args = kioskChromiumArgs(url, profileDir, process.getuid?.() === 0);
  const child = spawn(chromium, args, { stdio: 'ignore' });
  logger.info({ chromium, args }, `opened ${url} in a Chromium kiosk window`);
  child.on('error', (err) => logger.error({ chromium, err: String(err) }, 'could not start Chromium'));
  child.on('exit', (code, signal) => logger.info({ code, signal }, 'the Chromium kiosk window closed'));
  return child;
}
