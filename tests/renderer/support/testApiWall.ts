import type { Browser, Page } from 'playwright-core';
import type { WallPlace } from '../../../src/core/wall/spanCrop';
import type { ShowView } from '../../../src/core/view/showView';
import { startPreviewServer } from '../../../src/host/http/previewServer';
import { createTestApi } from '../../../src/renderer/api/testApi';
import { launchChromium } from '../../support/chromium';
import { ensureRendererBuilt, RENDERER_DIST } from '../../support/rendererBuild';

// A wall of renderer pages driven by the in-page test API (views pushed by the test, no host): for what a renderer
// draws and plays on a wall. The wall through real `marquee serve` screens and the hub is tests/support/wallPages.ts.

/** One screen of a wall in the browser: its page, its place and how far its host's clock is off. */
export type WallPage = Readonly<{ page: Page; place: WallPlace; clockOffsetMs: number }>;

/** A wall of live renderers, one Chromium page each, fed by the in-page test API, media from `mediaDir`. */
export type WallPages = Readonly<{
  browser: Browser;
  screens: readonly WallPage[];
  errors: string[];
  close: () => Promise<void>;
}>;

/**
 * Opens a `columns × 1` wall: one page per screen at `width × height`, each a renderer whose host clock is
 * `clockOffsetsMs[i]` off the real one (its views say so in `now`, `flipAt` and `wall.startedAt`, see `wallView`).
 */
export async function openWallPages(
  mediaDir: string,
  options: Readonly<{
    clockOffsetsMs: readonly number[];
    bezel: WallPlace['bezel'];
    width: number;
    height: number;
  }>,
): Promise<WallPages> {
  ensureRendererBuilt();
  const server = await startPreviewServer({ rendererRoot: RENDERER_DIST, playlistDir: mediaDir, views: [] });
  const chromium = await launchChromium();
  const errors: string[] = [];
  const columns = options.clockOffsetsMs.length;
  const screens: WallPage[] = [];
  for (const [column, clockOffsetMs] of options.clockOffsetsMs.entries()) {
    const page = await chromium.browser.newPage({
      viewport: { width: options.width, height: options.height },
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`screen ${column}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`screen ${column}: pageerror: ${e.message}`));
    // Why `__name`: under tsx (the benches) functions handed to the page carry esbuild's name helper calls.
    await page.addInitScript(
      `window.__name = (f) => f; window.__MARQUEE_TEST_API__ = (${createTestApi.toString()})();`,
    );
    await page.goto(server.url);
    screens.push({ page, clockOffsetMs, place: { columns, rows: 1, column, row: 0, bezel: options.bezel } });
  }
  return {
    browser: chromium.browser,
    screens,
    errors,
    close: async () => {
      await chromium.cleanup();
      await server.close();
    },
  };
}

/**
 * `base` as `screen`'s host would send it: its place, a flip at real time `flipAtMs` and the wall's start of the
 * slide at `startedAtMs`, all on that host's clock (real time + its offset), as is `now`.
 */
export function wallView(
  base: ShowView,
  screen: WallPage,
  seq: number,
  times: Readonly<{ flipAtMs: number; startedAtMs: number }>,
): ShowView {
  const off = screen.clockOffsetMs;
  return {
    ...base,
    seq,
    now: Date.now() + off,
    flipAt: times.flipAtMs + off,
    wall: { ...screen.place, startedAt: times.startedAtMs + off },
  };
}
