import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RendererToHost } from '../../../src/core/channels/rendererChannel';
import { Playlist } from '../../../src/core/playlist/schema';
import type { Playlist as PlaylistType } from '../../../src/core/playlist/types';
import type { ShowView } from '../../../src/core/view/showView';
import { previewViews } from '../../../src/core/view/previewViews';
import { startPreviewServer } from '../../../src/host/http/previewServer';
import { createTestApi } from '../../../src/renderer/api/testApi';
import { launchChromium } from '../../support/chromium';
import { ensureRendererBuilt, RENDERER_DIST } from '../../support/rendererBuild';

/** A moment during the demo event (20 Dec 2018, 10:05 in Beijing): sessions are running. */
export const EVENT_NOW = Date.parse('2018-12-20T10:05:00+08:00');

/** The four screen sizes every slide must look right at. */
export const SIZES = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1280x720', width: 1280, height: 720 },
  { name: '3840x2160', width: 3840, height: 2160 },
  { name: '1080x1920', width: 1080, height: 1920 },
] as const;

/** A playlist file read and checked with the schema (assets are allowed to be broken here). */
export function readPlaylist(file: string): PlaylistType {
  return Playlist.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The views of every slide of a playlist at EVENT_NOW, plus an idle view. */
export function viewsOf(playlist: PlaylistType, seqBase = 0): ShowView[] {
  const views = previewViews(playlist, EVENT_NOW, { assetBase: '/media/', screen: 'test' });
  return views.map((v) => ({ ...v, seq: v.seq + seqBase }));
}

/** A browser page showing the live renderer, fed by the in-page test API, with its console watched. */
export type Harness = Readonly<{
  browser: Browser;
  page: Page;
  url: string;
  errors: string[];
  close: () => Promise<void>;
}>;

/** Serves the built renderer with `playlistFile`'s folder at /media/ and opens it in Chromium with the test API. */
export async function openHarness(playlistFile: string): Promise<Harness> {
  ensureRendererBuilt();
  const server = await startPreviewServer({
    rendererRoot: RENDERER_DIST,
    playlistDir: dirname(playlistFile),
    views: [],
  });
  const chromium = await launchChromium();
  const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.addInitScript(`window.__MARQUEE_TEST_API__ = (${createTestApi.toString()})();`);
  await page.goto(server.url);
  return {
    browser: chromium.browser,
    page,
    url: server.url,
    errors,
    close: async () => {
      await chromium.cleanup();
      await server.close();
    },
  };
}

/** Shows `view` on the page through the test API. */
export async function push(page: Page, view: ShowView): Promise<void> {
  await page.evaluate(
    (v) => {
      const api = (window as unknown as { __MARQUEE_TEST_API__: { push(view: unknown): void } })
        .__MARQUEE_TEST_API__;
      api.push(v);
    },
    view as unknown as Record<string, unknown>,
  );
}

/** Every message the renderer has sent so far. */
export async function sent(page: Page): Promise<RendererToHost[]> {
  return page.evaluate(() =>
    (
      window as unknown as { __MARQUEE_TEST_API__: { sent: RendererToHost[] } }
    ).__MARQUEE_TEST_API__.sent.slice(),
  );
}

/** Waits until the renderer acknowledges `seq` and returns that message. */
export async function waitPresented(page: Page, seq: number, timeout = 30_000): Promise<RendererToHost> {
  await page.waitForFunction(
    (s) =>
      (
        window as unknown as { __MARQUEE_TEST_API__: { sent: RendererToHost[] } }
      ).__MARQUEE_TEST_API__.sent.some((m) => m.type === 'presented' && m.seq === s),
    seq,
    { timeout },
  );
  const all = await sent(page);
  const found = all.find((m) => m.type === 'presented' && m.seq === seq);
  if (found === undefined) throw new Error(`no presented for seq ${seq}`);
  return found;
}

/** Waits until the renderer has either acknowledged `seq` or reported a problem that keeps it from doing so. */
export async function waitShown(page: Page, seq: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (s) =>
      (
        window as unknown as { __MARQUEE_TEST_API__: { sent: RendererToHost[] } }
      ).__MARQUEE_TEST_API__.sent.some(
        (m) =>
          (m.type === 'presented' && m.seq === s) ||
          (m.type === 'problem' && m.kind === 'video-failed' && m.seq === s),
      ),
    seq,
    { timeout },
  );
}

/** Waits for fonts and two frames, so what follows sees the page as painted. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() =>
    document.fonts.ready.then(
      () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
    ),
  );
}

/**
 * Layout problems of the slide with `seq` as the page shows it: a fitted text box whose content is
 * wider or taller than the box, or any text (or fitted box) that pokes out of the stage.
 */
export async function layoutProblems(page: Page, seq: number): Promise<string[]> {
  return page.evaluate((s) => {
    const problems: string[] = [];
    const stage = document.querySelector('[data-stage]');
    const layer = document.querySelector(`.layer[data-seq="${s}"]`);
    if (stage === null || layer === null) return [`no stage or no layer for seq ${s}`];
    const bounds = stage.getBoundingClientRect();
    const scale = bounds.width / (stage as HTMLElement).offsetWidth;
    const tol = 1.5 * scale;
    const name = (el: Element): string => {
      const text = (el.textContent ?? '').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${text}"`;
    };
    const outside = (r: DOMRect): boolean =>
      r.width > 0 &&
      r.height > 0 &&
      (r.left < bounds.left - tol ||
        r.top < bounds.top - tol ||
        r.right > bounds.right + tol ||
        r.bottom > bounds.bottom + tol);
    for (const el of layer.querySelectorAll<HTMLElement>('[data-fit]')) {
      if (el.scrollWidth > el.clientWidth + 1)
        problems.push(`${name(el)} is ${el.scrollWidth - el.clientWidth}px too wide`);
      if (el.scrollHeight > el.clientHeight + 1)
        problems.push(`${name(el)} is ${el.scrollHeight - el.clientHeight}px too tall`);
      if (outside(el.getBoundingClientRect())) problems.push(`${name(el)} lies outside the stage`);
    }
    const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if ((node.textContent ?? '').trim() === '') continue;
      const parent = node.parentElement;
      if (parent === null || parent.closest('[data-fit]') !== null) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (outside(range.getBoundingClientRect())) problems.push(`${name(parent)} lies outside the stage`);
      if (parent.scrollWidth > parent.clientWidth + 1 && getComputedStyle(parent).overflow !== 'visible') {
        problems.push(`${name(parent)} is clipped (${parent.scrollWidth - parent.clientWidth}px)`);
      }
    }
    return problems;
  }, seq);
}
