// Renderer timings in the system Chromium at 1920×1080: push → first painted frame of the new slide, and frames
// longer than 20 ms while each transition moves, next to reveal.js running its own fade and slide, with an idle page
// as the noise floor and the load average, so a figure from a busy machine reads as one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startPreviewServer } from '../src/host/http/previewServer';
import { launchChromium } from '../tests/support/chromium';
import { ensureRendererBuilt, RENDERER_DIST } from '../tests/support/rendererBuild';
import type { BenchRow } from './benchTypes';
import { demoViews, idleWindow, LONG_FRAME_MS, median, openMarquee, RECORDER } from './rendererPage';
import { REVEAL_DIST, revealDeckHtml } from './revealDeck';

/** Section title in the bench table. */
export const title = 'renderer (Chromium, 1920×1080)';

const root = join(import.meta.dirname, '..');
const DEMO = join(root, 'assets', 'demo');
const RUNS = Number(process.env.BENCH_RENDERER_RUNS ?? 50);
const TRANSITIONS = ['fade', 'slide', 'zoom', 'cut'] as const;
/** Length of an idle recording window: about one transition (0.7–0.8 s of motion plus the acknowledgement). */
const IDLE_WINDOW_MS = 900;

const worst = (xs: readonly number[]): number => Math.max(...xs);
const load = (): string => loadavg()[0]?.toFixed(1) ?? '?';

/** Long frames on the same page with nothing changing: what the machine's scheduler alone costs right now. */
async function idleRow(page: Page): Promise<BenchRow> {
  const longs: number[] = [];
  for (let i = 0; i < RUNS; i++) longs.push((await idleWindow(page, IDLE_WINDOW_MS)).long);
  return {
    name: `baseline: idle page, frames > ${LONG_FRAME_MS} ms`,
    median: String(median(longs)),
    detail: `worst ${worst(longs)} of ${RUNS} windows of ${IDLE_WINDOW_MS} ms (noise floor: nothing moves)`,
  };
}

async function marqueeRows(page: Page, url: string): Promise<BenchRow[]> {
  const driver = await openMarquee(page, url, demoViews(DEMO));
  await driver.show('cut');
  const paints: number[] = [];
  for (let i = 0; i < RUNS; i++) paints.push((await driver.show('cut')).paintMs);
  const rows: BenchRow[] = [
    await idleRow(page),
    {
      name: 'marquee: push → first painted frame',
      median: `${median(paints).toFixed(1)} ms`,
      detail: `worst ${worst(paints).toFixed(1)} ms, ${RUNS} slides (images already decoded)`,
    },
  ];
  for (const t of TRANSITIONS) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await driver.show(t));
    const moving = runs.map((r) => r.longMoving);
    const whole = runs.map((r) => r.long);
    rows.push({
      name: `marquee ${t}: frames > ${LONG_FRAME_MS} ms while moving`,
      median: String(median(moving)),
      detail:
        `worst ${worst(moving)} of ${RUNS}; whole window push → ack: median ${median(whole)}, worst ${worst(whole)}` +
        `, median ${median(runs.map((r) => r.frames))} frames in ${median(runs.map((r) => r.ms)).toFixed(0)} ms`,
    });
  }
  return rows;
}

async function revealRows(page: Page): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'marquee-reveal-'));
  writeFileSync(join(dir, 'index.html'), revealDeckHtml(RECORDER));
  const server = await startPreviewServer({
    rendererRoot: dir,
    playlistDir: REVEAL_DIST,
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
        name: `reveal.js ${t}: frames > ${LONG_FRAME_MS} ms while moving`,
        median: String(median(longs)),
        detail: `worst ${worst(longs)} of ${RUNS} (next() → transition end; reveal has no loading step)`,
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
    const loadBefore = load();
    const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const rows = await marqueeRows(page, server.url);
    const revealPage = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const reveal = await revealRows(revealPage);
    const cores = availableParallelism();
    return [
      ...rows,
      ...reveal,
      {
        name: 'machine: load average (1 min)',
        median: load(),
        detail: `${loadBefore} at the start; ${cores} cores`,
      },
    ];
  } finally {
    await chromium.cleanup();
    await server.close();
  }
}
