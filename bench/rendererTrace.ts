// Where the long frames of a transition go: runs transitions under a Chromium trace and, for every long frame,
// adds up what the renderer's main thread, its compositor and raster threads were doing (self time by event
// name), and how much of the frame no thread of the page was busy at all (the process was not scheduled).
// Usage: npx tsx bench/rendererTrace.ts [fade|slide|zoom|cut ...] [--runs N]
import { join } from 'node:path';
import type { TransitionName } from '../src/core/playlist/types';
import { startPreviewServer } from '../src/host/http/previewServer';
import { launchChromium } from '../tests/support/chromium';
import { ensureRendererBuilt, RENDERER_DIST } from '../tests/support/rendererBuild';
import { demoViews, idleWindow, openMarquee } from './rendererPage';
import { summariseTrace, type TraceEvent } from './traceSummary';

const root = join(import.meta.dirname, '..');
const DEMO = join(root, 'assets', 'demo');
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8',
  'cc',
  'viz',
  'benchmark',
];

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 15;
const picked = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') as TransitionName[];
const transitions: readonly TransitionName[] = picked.length > 0 ? picked : ['fade', 'slide', 'zoom', 'cut'];

ensureRendererBuilt();
const server = await startPreviewServer({ rendererRoot: RENDERER_DIST, playlistDir: DEMO, views: [] });
const chromium = await launchChromium();
try {
  const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const driver = await openMarquee(page, server.url, demoViews(DEMO));
  await driver.show('cut');
  for (const t of ['idle', ...transitions] as const) {
    await chromium.browser.startTracing(page, { categories: CATEGORIES });
    const counts: string[] = [];
    for (let i = 0; i < runs; i++) {
      const r = t === 'idle' ? await idleWindow(page, 800) : await driver.show(t);
      counts.push(`${r.long}/${r.frames}`);
    }
    const buffer = await chromium.browser.stopTracing();
    const trace = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
    process.stdout.write(`\n=== ${t}: long/all frames per window: ${counts.join(' ')}\n`);
    process.stdout.write(`${summariseTrace(trace.traceEvents)}\n`);
  }
} finally {
  await chromium.cleanup();
  await server.close();
}
