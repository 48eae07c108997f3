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
 * Layout problems of the slide with `seq` as the page shows it. Every text (each non-empty text node)
 * is checked against (a) its own box: the content must not be wider or taller than the box (1px
 * tolerance) unless the box ends in an ellipsis by design (line clamp or text-overflow); (b) every
 * ancestor up to the stage that clips (overflow other than visible) or draws a card (background or
 * border): the visible text must lie inside its padding box; (c) the stage itself. Each message names
 * the text (its first 30 characters) and the box or container it breaks out of.
 */
export async function layoutProblems(page: Page, seq: number): Promise<string[]> {
  return page.evaluate((s) => {
    const problems: string[] = [];
    const stage = document.querySelector<HTMLElement>('[data-stage]');
    const layer = document.querySelector(`.layer[data-seq="${s}"]`);
    if (stage === null || layer === null) return [`no stage or no layer for seq ${s}`];
    const scale = stage.getBoundingClientRect().width / stage.offsetWidth;
    const tol = scale; // 1 design px, in screen px
    const quote = (t: string): string => `"${t.replace(/\s+/g, ' ').trim().slice(0, 30)}"`;
    const nameOf = (el: Element): string =>
      `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')}`;
    const px = (v: string): number => Number.parseFloat(v) || 0;
    const paddingBox = (el: HTMLElement): DOMRect => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      const l = px(cs.borderLeftWidth) * scale;
      const t = px(cs.borderTopWidth) * scale;
      const rr = px(cs.borderRightWidth) * scale;
      const b = px(cs.borderBottomWidth) * scale;
      return new DOMRect(r.left + l, r.top + t, r.width - l - rr, r.height - t - b);
    };
    const clips = (cs: CSSStyleDeclaration): boolean =>
      cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
    const transparent = (c: string): boolean => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
    const drawsCard = (cs: CSSStyleDeclaration): boolean =>
      !transparent(cs.backgroundColor) ||
      cs.backgroundImage !== 'none' ||
      px(cs.borderTopWidth) + px(cs.borderRightWidth) + px(cs.borderBottomWidth) + px(cs.borderLeftWidth) > 0;
    const ellipsed = (el: HTMLElement): boolean => {
      const cs = getComputedStyle(el);
      return (
        (cs.webkitLineClamp !== 'none' && cs.webkitLineClamp !== '' && clips(cs)) ||
        (cs.textOverflow === 'ellipsis' && clips(cs) && cs.whiteSpace.startsWith('nowrap'))
      );
    };
    const ownBox = (node: Node): HTMLElement | null => {
      for (let el = node.parentElement; el !== null; el = el.parentElement) {
        const d = getComputedStyle(el).display;
        if (d !== 'inline' && d !== 'contents') return el;
      }
      return null;
    };
    const sticksOut = (r: DOMRect, box: DOMRect): string | null => {
      const sides: string[] = [];
      if (r.left < box.left - tol) sides.push(`left ${Math.round((box.left - r.left) / scale)}px`);
      if (r.top < box.top - tol) sides.push(`top ${Math.round((box.top - r.top) / scale)}px`);
      if (r.right > box.right + tol) sides.push(`right ${Math.round((r.right - box.right) / scale)}px`);
      if (r.bottom > box.bottom + tol) sides.push(`bottom ${Math.round((r.bottom - box.bottom) / scale)}px`);
      return sides.length === 0 ? null : sides.join(', ');
    };
    const checkedBoxes = new Set<HTMLElement>();
    const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (text.trim() === '') continue;
      const parent = node.parentElement;
      const box = ownBox(node);
      if (parent === null || box === null) continue;
      if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      let visible = range.getBoundingClientRect();
      if (visible.width === 0 || visible.height === 0) continue;
      // (a) the text's own box: the fitted box it sits in, else its nearest block
      const clamp = box.closest<HTMLElement>('.clamped');
      const own = box.closest<HTMLElement>('[data-fit]') ?? box;
      if (!checkedBoxes.has(own) && !ellipsed(own)) {
        checkedBoxes.add(own);
        const wide = own.scrollWidth - own.clientWidth;
        const tall = own.scrollHeight - own.clientHeight;
        if (wide > 1) problems.push(`text ${quote(text)} is ${wide}px too wide for its box ${nameOf(own)}`);
        if (tall > 1) problems.push(`text ${quote(text)} is ${tall}px too tall for its box ${nameOf(own)}`);
      }
      // Why: a line clamp hides the lines after the ellipsis on purpose; what shows is the clamped box.
      let from: HTMLElement | null = parent;
      if (clamp !== null && ellipsed(clamp)) {
        visible = clamp.getBoundingClientRect();
        from = clamp.parentElement;
      }
      // (b) every clipping or card-drawing ancestor up to the stage, and (c) the stage
      for (let el = from; el !== null; el = el.parentElement) {
        const cs = getComputedStyle(el);
        const isStage = el === stage;
        if (isStage || clips(cs) || drawsCard(cs)) {
          const out = sticksOut(visible, paddingBox(el));
          if (out !== null) {
            const why = isStage ? 'the stage' : clips(cs) ? 'which clips it' : 'its card';
            problems.push(`text ${quote(text)} sticks out of ${nameOf(el)} (${why}): ${out}`);
          }
        }
        if (isStage) break;
      }
    }
    return problems;
  }, seq);
}
