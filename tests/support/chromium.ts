import { type Browser, chromium } from 'playwright-core';
import { findChromium, HEADLESS_CHROMIUM_ARGS } from '../../src/host/chromium/findChromium';

/** A headless Chromium for a test file, and how to shut it down (its temporary profile goes with it). */
export type LaunchedChromium = Readonly<{
  browser: Browser;
  executablePath: string;
  cleanup: () => Promise<void>;
}>;

/**
 * Starts the system Chromium (see `findChromium`) headless with Marquee's flags and a fresh profile.
 * Throws with the install hint when there is none, so browser tests fail loudly instead of skipping.
 */
export async function launchChromium(): Promise<LaunchedChromium> {
  const executablePath = findChromium();
  // Why: launch() gives every browser its own fresh temporary profile (and refuses --user-data-dir).
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...HEADLESS_CHROMIUM_ARGS],
  });
  return {
    browser,
    executablePath,
    cleanup: async () => {
      await browser.close().catch(() => undefined);
    },
  };
}
