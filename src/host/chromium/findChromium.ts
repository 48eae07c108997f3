import { accessSync, constants, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Where Marquee looks for a Chromium, in order, and what it found. */
export type ChromiumSearch = Readonly<{ found: string | null; tried: readonly string[] }>;

/** What to install when no Chromium is found. */
export const CHROMIUM_INSTALL_HINT =
  'Install Chromium: on Debian/Ubuntu `sudo apt-get install chromium` (older Ubuntu: `chromium-browser`), ' +
  'or set MARQUEE_CHROMIUM=/path/to/chrome to any Chromium or Google Chrome binary.';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, pathVar: string): string[] {
  return pathVar
    .split(delimiter)
    .filter((d) => d.length > 0)
    .map((d) => join(d, name));
}

/** Chromium binaries Playwright downloaded into its cache (newest first), if any. */
function playwrightBrowsers(cacheDir: string): string[] {
  try {
    return readdirSync(cacheDir)
      .filter((d) => /^chromium(_headless_shell)?-\d+$/.test(d))
      .sort((a, b) => Number(b.split('-').pop()) - Number(a.split('-').pop()))
      .flatMap((d) => [
        join(cacheDir, d, 'chrome-linux', 'chrome'),
        join(cacheDir, d, 'chrome-linux64', 'chrome'),
        join(cacheDir, d, 'chrome-linux', 'headless_shell'),
        join(cacheDir, d, 'chrome-headless-shell-linux64', 'chrome-headless-shell'),
      ]);
  } catch {
    return [];
  }
}

/**
 * Finds a Chromium to drive: $MARQUEE_CHROMIUM, then /usr/bin/chromium, chromium / chromium-browser /
 * google-chrome on the PATH, then Playwright's own downloads in ~/.cache/ms-playwright.
 */
export function searchChromium(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ChromiumSearch {
  const pathVar = env.PATH ?? '';
  const candidates = [
    ...(env.MARQUEE_CHROMIUM ? [env.MARQUEE_CHROMIUM] : []),
    '/usr/bin/chromium',
    ...['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'].flatMap((n) =>
      onPath(n, pathVar),
    ),
    ...playwrightBrowsers(
      env.PLAYWRIGHT_BROWSERS_PATH ?? join(env.HOME ?? homedir(), '.cache', 'ms-playwright'),
    ),
  ];
  const tried = [...new Set(candidates)];
  return { found: tried.find(isExecutable) ?? null, tried };
}

/** The path of a Chromium binary; throws an error that says what to install when there is none. */
export function findChromium(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const { found, tried } = searchChromium(env);
  if (found !== null) return found;
  if (env.MARQUEE_CHROMIUM) {
    throw new Error(
      `MARQUEE_CHROMIUM=${env.MARQUEE_CHROMIUM} is not an executable file. ${CHROMIUM_INSTALL_HINT}`,
    );
  }
  throw new Error(
    `No Chromium found (looked at ${tried.slice(0, 6).join(', ')}, …). ${CHROMIUM_INSTALL_HINT}`,
  );
}

/** The command-line flags Marquee always starts a headless Chromium with. */
export const HEADLESS_CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];
