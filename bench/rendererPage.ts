// The in-page side of the renderer bench: a frame recorder, and a driver that pushes views through the test API
// and measures push → first painted frame and the long frames of each transition. Shared by renderer.bench.ts
// and rendererTrace.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { TransitionName } from '../src/core/playlist/types';
import { Playlist } from '../src/core/playlist/schema';
import type { ShowView } from '../src/core/view/showView';
import { previewViews } from '../src/core/view/previewViews';
import { createTestApi } from '../src/renderer/api/testApi';

/** A frame longer than this (ms between two animation frames) counts as long. */
export const LONG_FRAME_MS = 20;

/** What one recording window saw: frames longer than LONG_FRAME_MS, all frames, and the window's length. */
export type FrameCount = Readonly<{ long: number; frames: number; ms: number }>;

/**
 * One transition as measured: the recording window (push → 50 ms after the acknowledgement), push → first painted
 * frame of the new slide, and `longMoving`: the long frames while the slides move (from the new slide's
 * `marquee:enter-start` mark, or its mount in builds without the mark, to its `marquee:enter-end` or acknowledgement),
 * counting only the part of each frame inside that span.
 */
export type Measured = FrameCount & Readonly<{ paintMs: number; seq: number; longMoving: number }>;

/** The median of `xs` (0 for none). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * In-page frame recorder (a string: nothing the TypeScript loader adds to functions leaks into the page). It keeps
 * every long frame as [start, end] (also a `performance.measure('long-frame')`, so a Chromium trace shows where it fell).
 */
export const RECORDER = `window.__rec = { on: false, last: 0, t0: 0, gaps: [], frames: 0,
  start() { this.on = true; this.t0 = this.last = performance.now(); this.gaps = []; this.frames = 0;
    const tick = (t) => { if (!this.on) return;
      if (t - this.last > ${LONG_FRAME_MS}) { this.gaps.push([this.last, t]); performance.measure('long-frame', { start: this.last, end: t }); }
      this.frames++; this.last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick); },
  longWithin(from, to) { return this.gaps.filter(([a, b]) => Math.min(b, to) - Math.max(a, from) > ${LONG_FRAME_MS}).length; },
  stop() { this.on = false; return { long: this.gaps.length, frames: this.frames, ms: performance.now() - this.t0 }; } };`;

/** Records frames for `ms` on a page where nothing changes: the scheduler noise of the machine right now. */
export async function idleWindow(page: Page, ms: number): Promise<FrameCount> {
  return page.evaluate(
    `new Promise((resolve) => { window.__rec.start(); setTimeout(() => resolve(window.__rec.stop()), ${ms}); })`,
  ) as Promise<FrameCount>;
}

/** The demo playlist's views (videos left out: their buffering time is not a transition's). */
export function demoViews(demoDir: string): readonly ShowView[] {
  const playlist = Playlist.parse(JSON.parse(readFileSync(join(demoDir, 'playlist.json'), 'utf8')));
  return previewViews(playlist, Date.parse('2018-12-20T10:05:00+08:00'), { assetBase: '/media/' }).filter(
    (v) => v.slide?.type !== 'video',
  );
}

/** A renderer page driven through the test API: `show(transition)` puts the next demo slide up with it. */
export type MarqueeDriver = Readonly<{ show: (transition: TransitionName) => Promise<Measured> }>;

/**
 * Opens the renderer at `url` with the test API and the recorder, and returns the driver. Each `show` records
 * from the push until 50 ms after the slide's `presented` acknowledgement (the transition has finished).
 */
export async function openMarquee(
  page: Page,
  url: string,
  views: readonly ShowView[],
): Promise<MarqueeDriver> {
  await page.addInitScript(
    `window.__name = (f) => f; window.__MARQUEE_TEST_API__ = (${createTestApi.toString()})(); ${RECORDER}`,
  );
  await page.goto(url);
  let seq = 0;
  const show = async (transition: TransitionName): Promise<Measured> => {
    seq += 1;
    const view = { ...views[seq % views.length], seq, transition };
    const r = (await page.evaluate(
      `new Promise((resolve) => {
        const api = window.__MARQUEE_TEST_API__; const seq = ${seq}; let paintMs = -1; let mounted = -1;
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (paintMs < 0 && document.querySelector('.layer[data-seq="' + seq + '"]')) {
            obs.disconnect(); mounted = performance.now(); requestAnimationFrame(() => { paintMs = performance.now() - t0; });
          }
        });
        obs.observe(document.body, { childList: true, subtree: true });
        const mark = (name) => performance.getEntriesByName(name).find((e) => e.detail && e.detail.seq === seq);
        const done = () => {
          const acked = performance.now();
          setTimeout(() => {
            const from = mark('marquee:enter-start')?.startTime ?? mounted;
            const longMoving = window.__rec.longWithin(from, acked);
            resolve({ paintMs, longMoving, ...window.__rec.stop() });
          }, 50);
        };
        window.__rec.start();
        api.push(${JSON.stringify(view)});
        const wait = () => api.sent.some((m) => m.type === 'presented' && m.seq === seq) ? done() : setTimeout(wait, 10);
        wait();
      })`,
    )) as Omit<Measured, 'seq'>;
    return { ...r, seq };
  };
  return { show };
}
