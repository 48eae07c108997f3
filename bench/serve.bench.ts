import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { WebSocket } from 'ws';
import type { HostToRenderer } from '../src/core/channels/rendererChannel';
import { ManualClock } from '../src/host/clock';
import { startMarqueeServer } from '../src/host/http/server';
import { PlayerHost } from '../src/host/PlayerHost';
import { freePort, startServe } from '../tests/e2e/serveProcess';
import { launchChromium } from '../tests/support/chromium';
import { ensureCliBuilt } from '../tests/support/cliBuild';
import { ensureRendererBuilt } from '../tests/support/rendererBuild';
import { memory } from './benchMemory';
import type { BenchRow } from './benchTypes';
import { noticePlaylist, numberedNotices } from '../tests/support/noticePlaylist';

/** Section title in the `npm run bench` table. */
export const title = 'Browser mode (marquee serve + PlayerHost)';

const RUNS = 5;
const SLIDE_CHANGES = 1_000;

const playlistOf = (n: number) => noticePlaylist(numberedNotices(n), { duration: 5, transition: 'cut' });

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Milliseconds from spawning `marquee serve` to its URL printed, and to the first slide painted in Chromium. */
async function startToPaint(dir: string, run: number): Promise<{ ready: number; painted: number }> {
  const chromium = await launchChromium();
  const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const home = join(dir, `run-${run}`);
  const t0 = performance.now();
  const serve = await startServe(
    ['--playlist', join(dir, 'playlist.json'), '--port', String(await freePort())],
    home,
  );
  const ready = performance.now() - t0;
  try {
    await page.goto(serve.url);
    await page.waitForFunction(
      () => {
        const shown = document.querySelector('[data-shown-seq]')?.getAttribute('data-shown-seq');
        return shown !== null && shown !== undefined && shown !== '';
      },
      undefined,
      { timeout: 30_000, polling: 'raf' },
    );
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    return { ready, painted: performance.now() - t0 };
  } finally {
    await chromium.cleanup();
    await serve.stop();
  }
}

/** Memory of one host + server + connected renderer before and after `SLIDE_CHANGES` slide changes (fake clock). */
async function memoryOverSlideChanges(
  dir: string,
): Promise<{ before: ReturnType<typeof memory>; after: ReturnType<typeof memory>; ms: number }> {
  const clock = new ManualClock(Date.parse('2018-12-20T09:00:00+08:00'));
  const logger = pino({ level: 'silent' });
  const host = await PlayerHost.start({
    playlistFile: join(dir, 'playlist.json'),
    clock,
    logger,
    stateDir: join(dir, 'state'),
    watch: false,
  });
  const server = await startMarqueeServer({
    host,
    rendererRoot: dir,
    hostname: '127.0.0.1',
    port: 0,
    logger,
    keyboard: true,
  });
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}ws/renderer`);
  let latestSeq = -1;
  let waiting: { after: number; resolve: () => void } | null = null;
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as HostToRenderer;
    if (message.type !== 'show') return;
    ws.send(JSON.stringify({ type: 'presented', seq: message.view.seq }));
    latestSeq = Math.max(latestSeq, message.view.seq);
    if (waiting !== null && latestSeq > waiting.after) waiting.resolve();
  });
  /** Resolves once the renderer has been shown a slide newer than `after`. */
  const shownAfter = (after: number): Promise<void> =>
    latestSeq > after ? Promise.resolve() : new Promise((resolve) => (waiting = { after, resolve }));
  const presented = (): boolean => {
    const slot = host.getState().slot;
    return slot.kind === 'idle' || slot.presented;
  };
  await shownAfter(-1);
  const changes = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++) {
      // Wait until the host has the acknowledgement, then let the slide's time run out.
      while (!presented()) await new Promise((r) => setImmediate(r));
      const seq = host.getView().seq;
      clock.advance(5_000);
      await shownAfter(seq);
    }
  };
  await changes(50);
  const before = memory();
  const t0 = performance.now();
  await changes(SLIDE_CHANGES);
  const ms = performance.now() - t0;
  const after = memory();
  ws.close();
  await server.close();
  await host.stop();
  return { before, after, ms };
}

/** Runs the browser-mode benchmark. */
export async function run(): Promise<readonly BenchRow[]> {
  ensureCliBuilt();
  ensureRendererBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'marquee-bench-serve-'));
  try {
    await writeFile(join(dir, 'playlist.json'), JSON.stringify(playlistOf(20), null, 2));
    const starts: { ready: number; painted: number }[] = [];
    for (let i = 0; i < RUNS; i++) starts.push(await startToPaint(dir, i));
    const painted = starts.map((s) => s.painted);
    const mem = await memoryOverSlideChanges(dir);
    const mb = (n: number): string => `${n.toFixed(1)} MB`;
    return [
      {
        name: '`marquee serve` start → first slide painted in Chromium',
        median: `${Math.round(median(painted))} ms`,
        detail: `min ${Math.round(Math.min(...painted))} ms, max ${Math.round(Math.max(...painted))} ms over ${RUNS} runs; server ready (URL printed) median ${Math.round(median(starts.map((s) => s.ready)))} ms`,
      },
      {
        name: `host heap after ${SLIDE_CHANGES.toLocaleString('en')} slide changes (server + renderer socket)`,
        median: mb(mem.after.heap),
        detail: `before ${mb(mem.before.heap)} → after ${mb(mem.after.heap)} (Δ ${mb(mem.after.heap - mem.before.heap)}); ${Math.round(mem.ms)} ms for the changes`,
      },
      {
        name: `host RSS after ${SLIDE_CHANGES.toLocaleString('en')} slide changes`,
        median: mb(mem.after.rss),
        detail: `before ${mb(mem.before.rss)} → after ${mb(mem.after.rss)} (Δ ${mb(mem.after.rss - mem.before.rss)})`,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  }
}
