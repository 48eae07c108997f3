// Renderer timings in the system Chromium at 1920×1080: push → first painted frame of the new slide, and
// frames longer than 20 ms during each transition, next to reveal.js running its own fade and slide.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Playlist } from '../src/core/playlist/schema';
import { previewViews } from '../src/core/view/previewViews';
import { startPreviewServer } from '../src/host/http/previewServer';
import { createTestApi } from '../src/renderer/api/testApi';
import { launchChromium } from '../tests/support/chromium';
import { ensureRendererBuilt, RENDERER_DIST } from '../tests/support/rendererBuild';
import type { BenchRow } from './benchTypes';

/** Section title in the bench table. */
export const title = 'renderer (Chromium, 1920×1080)';

const root = join(import.meta.dirname, '..');
const DEMO = join(root, 'assets', 'demo');
const RUNS = Number(process.env.BENCH_RENDERER_RUNS ?? 50);
const TRANSITIONS = ['fade', 'slide', 'zoom', 'cut'] as const;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

// Why: in-page code is passed as strings, so nothing the TypeScript loader adds to functions leaks into the page.
const RECORDER = `window.__rec = { on: false, last: 0, long: 0, frames: 0,
  start() { this.on = true; this.last = performance.now(); this.long = 0; this.frames = 0;
    const tick = (t) => { if (!this.on) return; if (t - this.last > 20) this.long++; this.frames++; this.last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick); },
  stop() { this.on = false; return { long: this.long, frames: this.frames }; } };`;

async function marqueeRows(page: Page, url: string): Promise<BenchRow[]> {
  const playlist = Playlist.parse(JSON.parse(readFileSync(join(DEMO, 'playlist.json'), 'utf8')));
  const views = previewViews(playlist, Date.parse('2018-12-20T10:05:00+08:00'), {
    assetBase: '/media/',
  }).filter((v) => v.slide?.type !== 'video');
  await page.addInitScript(
    `window.__name = (f) => f; window.__MARQUEE_TEST_API__ = (${createTestApi.toString()})(); ${RECORDER}`,
  );
  await page.goto(url);
  let seq = 0;
  const show = async (transition: string): Promise<{ paintMs: number; long: number; frames: number }> => {
    seq += 1;
    const view = { ...views[seq % views.length], seq, transition };
    return page.evaluate(
      `new Promise((resolve) => {
        const api = window.__MARQUEE_TEST_API__; const seq = ${seq}; let paintMs = -1;
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (paintMs < 0 && document.querySelector('.layer[data-seq="' + seq + '"]')) {
            obs.disconnect(); requestAnimationFrame(() => { paintMs = performance.now() - t0; });
          }
        });
        obs.observe(document.body, { childList: true, subtree: true });
        window.__rec.start();
        api.push(${JSON.stringify(view)});
        const wait = () => api.sent.some((m) => m.type === 'presented' && m.seq === seq)
          ? setTimeout(() => resolve({ paintMs, ...window.__rec.stop() }), 50) : setTimeout(wait, 10);
        wait();
      })`,
    );
  };
  await show('cut');
  const paints: number[] = [];
  for (let i = 0; i < RUNS; i++) paints.push((await show('cut')).paintMs);
  const rows: BenchRow[] = [
    {
      name: 'marquee: push → first painted frame',
      median: `${median(paints).toFixed(1)} ms`,
      detail: `worst ${Math.max(...paints).toFixed(1)} ms, ${RUNS} slides`,
    },
  ];
  for (const t of TRANSITIONS) {
    const longs: number[] = [];
    for (let i = 0; i < RUNS; i++) longs.push((await show(t)).long);
    rows.push({
      name: `marquee ${t}: frames > 20 ms`,
      median: String(median(longs)),
      detail: `worst ${Math.max(...longs)} of ${RUNS} transitions`,
    });
  }
  return rows;
}

async function revealRows(page: Page): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'marquee-reveal-'));
  const slide = (i: number) =>
    `<section><h2>Flink 在阿里巴巴云计算业务中的探索与应用 ${i}</h2><p>Exploring Flink in Alibaba's cloud computing business</p><svg width="420" height="120" viewBox="0 0 420 120"><rect width="420" height="120" rx="22" fill="#ff6a00"/><text x="210" y="76" font-size="48" fill="#fff" text-anchor="middle">阿里巴巴 Alibaba</text></svg><ul><li>以 Flink 为核心的实时计算平台</li><li>流批一体：一套引擎处理实时与历史数据</li></ul></section>`;
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/media/reveal.css"><link rel="stylesheet" href="/media/theme/black.css"></head>
<body><div class="reveal"><div class="slides">${Array.from({ length: 8 }, (_, i) => slide(i)).join('')}</div></div>
<script src="/media/reveal.js"></script><script>${RECORDER}</script></body></html>`,
  );
  const server = await startPreviewServer({
    rendererRoot: dir,
    playlistDir: join(root, 'node_modules', 'reveal.js', 'dist'),
    views: [],
  });
  try {
    const rows: BenchRow[] = [];
    for (const t of ['fade', 'slide'] as const) {
      await page.goto(server.url);
      await page.evaluate(
        `Reveal.initialize({ transition: '${t}', controls: false, progress: false, hash: false, loop: true, width: 1920, height: 1080 })`,
      );
      const longs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = (await page.evaluate(`new Promise((resolve) => {
          window.__rec.start();
          let done = false;
          const finish = () => { if (done) return; done = true; Reveal.off('slidetransitionend', finish); setTimeout(() => resolve(window.__rec.stop()), 50); };
          Reveal.on('slidetransitionend', finish);
          setTimeout(finish, 2000);
          Reveal.next();
        })`)) as { long: number };
        longs.push(r.long);
      }
      rows.push({
        name: `reveal.js ${t}: frames > 20 ms`,
        median: String(median(longs)),
        detail: `worst ${Math.max(...longs)} of ${RUNS} transitions`,
      });
    }
    return rows;
  } finally {
    await server.close();
  }
}

/** Runs both players in one Chromium, one after the other. */
export async function run(): Promise<readonly BenchRow[]> {
  ensureRendererBuilt();
  const server = await startPreviewServer({ rendererRoot: RENDERER_DIST, playlistDir: DEMO, views: [] });
  const chromium = await launchChromium();
  try {
    const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const rows = await marqueeRows(page, server.url);
    const revealPage = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    return [...rows, ...(await revealRows(revealPage))];
  } finally {
    await chromium.cleanup();
    await server.close();
  }
}
