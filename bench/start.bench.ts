// Start-up, side by side in one run: spawn → `marquee serve` having sent its whole page next to a plain Node `http` server
// spawned the same way, and spawn → first slide painted in Chromium next to a static reveal.js deck served by that
// plain server and loaded in the same Chromium; the same pages against servers already up (what the page alone costs);
// plus the gzip sizes of the renderer and web-remote bundles.
// Runs alternate (marquee, baseline, baseline, marquee, …) so a load spike on this shared machine hits both sides.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort } from '../tests/e2e/serveProcess';
import { launchChromium } from '../tests/support/chromium';
import { ensureCliBuilt } from '../tests/support/cliBuild';
import { ensurePageBuilt } from '../tests/support/rendererBuild';
import type { BenchRow } from './benchTypes';
import { median } from './rendererPage';
import { REVEAL_DIST, revealDeckHtml } from './revealDeck';

/** Section title in the bench table. */
export const title = 'start-up (spawn → HTTP, spawn → first slide painted)';

const root = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_START_RUNS ?? 7);
/** How long a fresh page is left alone before the spawn (see `spawnToPaint`). */
const SETTLE_MS = 600;
const DEMO_PLAYLIST = join(root, 'assets', 'demo', 'playlist.json');
/** The reveal deck marks its first painted frame the way the renderer does (see `PAINT_MARK`). */
const DECK_SCRIPT = `Reveal.initialize({ controls: false, progress: false, hash: false, width: 1920, height: 1080 })
  .then(() => requestAnimationFrame(() => setTimeout(() => performance.mark('deck:painted'), 0)));`;
/**
 * Keeps the page-clock time (epoch ms) of the first user-timing mark of each name. The renderer marks
 * `marquee:enter-start` when its first slide starts entering (a page's first slide is cut in: as it mounts) and
 * `marquee:presented` right after the frame in which the slide has fully entered (when it acknowledges `presented`).
 */
const PAINT_MARK = `window.__marks = {};
new PerformanceObserver((list) => { for (const e of list.getEntries())
  if (!(e.name in window.__marks)) window.__marks[e.name] = performance.timeOrigin + e.startTime;
}).observe({ type: 'mark', buffered: true });`;

/** Epoch milliseconds with sub-millisecond resolution, comparable with a page's `timeOrigin + startTime`. */
const epochNow = (): number => performance.timeOrigin + performance.now();

/** How to start one side: the child process on `port`, and the page to load from it. */
type Side = Readonly<{ start: (port: number, home: string) => ChildProcess; path: string; mark: string }>;

const marqueeSide: Side = {
  start: (port, home) =>
    spawn(
      process.execPath,
      [join(root, 'bin', 'marquee.mjs'), 'serve', '--playlist', DEMO_PLAYLIST, '--port', String(port)],
      {
        cwd: home,
        stdio: 'ignore',
        env: {
          ...process.env,
          XDG_STATE_HOME: join(home, 'state'),
          XDG_CONFIG_HOME: join(home, 'config'),
          XDG_CACHE_HOME: join(home, 'cache'),
          XDG_RUNTIME_DIR: join(home, 'run'),
        },
      },
    ),
  path: '/',
  mark: 'marquee:presented',
};

/** The plain server spawned the same way, serving the reveal deck written into `deckDir`. */
function plainSide(deckDir: string): Side {
  return {
    start: (port, home) =>
      spawn(process.execPath, [join(import.meta.dirname, 'staticServer.mjs'), deckDir, String(port)], {
        cwd: home,
        stdio: 'ignore',
      }),
    path: '/',
    mark: 'deck:painted',
  };
}

/**
 * Resolves once `url` answers 200 (`whole`: once its whole body is in, for a page sent in parts), trying again at
 * once after each refused connection; rejects on exit or 60 s.
 */
function answered(url: string, child: ChildProcess, whole: boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`${url}: the server exited with ${code}`));
    child.once('exit', exited);
    const attempt = (): void => {
      if (Date.now() > deadline) {
        reject(new Error(`${url} did not answer within 60 s`));
        return;
      }
      get(url, (res) => {
        res.resume();
        if (res.statusCode === 200) {
          const done = (): void => {
            child.off('exit', exited);
            resolve();
          };
          if (whole) res.once('end', done);
          else done();
        } else setTimeout(attempt, 1);
      }).on('error', () => setTimeout(attempt, 1));
    };
    attempt();
  });
}

async function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exit;
  clearTimeout(timer);
}

/** Milliseconds from spawning `side` to its page answering HTTP. */
async function spawnToHttp(side: Side): Promise<number> {
  const home = mkdtempSync(join(tmpdir(), 'marquee-bench-start-'));
  const port = await freePort();
  const t0 = epochNow();
  const child = side.start(port, home);
  try {
    await answered(`http://127.0.0.1:${port}${side.path}`, child, true);
    return epochNow() - t0;
  } finally {
    await stopped(child);
    rmSync(home, { recursive: true, force: true, maxRetries: 5 });
  }
}

/** A page in a fresh browser context (nothing cached) with the mark recorder, left to settle. */
async function freshPage(browser: Browser): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.addInitScript(PAINT_MARK);
  // Why: Chromium goes on setting up a new page after newPage() resolves; a spawn at once raced it for the two
  // cores, and the CPU-bound host start lost more to that than the plain server (HTTP up 529 ms instead of 235).
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return { page, context };
}

/** Goes to `url` and waits for `mark`: the page's marks (epoch ms) and its navigation start (epoch ms). */
async function marksAt(
  page: Page,
  url: string,
  mark: string,
): Promise<{ marks: Record<string, number>; origin: number }> {
  await page.goto(url, { waitUntil: 'commit' });
  // Why: a function, not a string: the kiosk page's CSP forbids the eval a string predicate needs.
  await page.waitForFunction((m) => m in (window as unknown as { __marks: object }).__marks, mark, {
    timeout: 60_000,
    polling: 50,
  });
  return (await page.evaluate('({ marks: window.__marks, origin: performance.timeOrigin })')) as {
    marks: Record<string, number>;
    origin: number;
  };
}

/** `marks` as milliseconds since `t0` (epoch ms). */
const since = (marks: Record<string, number>, t0: number): Record<string, number> =>
  Object.fromEntries(Object.entries(marks).map(([name, at]) => [name, at - t0]));

/** Milliseconds from spawning `side` (in a fresh browser context: nothing cached) to its marks in the page. */
async function spawnToPaint(browser: Browser, side: Side): Promise<Readonly<Record<string, number>>> {
  const home = mkdtempSync(join(tmpdir(), 'marquee-bench-start-'));
  const { page, context } = await freshPage(browser);
  const port = await freePort();
  const t0 = epochNow();
  const child = side.start(port, home);
  try {
    const url = `http://127.0.0.1:${port}${side.path}`;
    // Why: the browser goes to the page as soon as the server answers, as a kiosk browser retrying would.
    await answered(url, child, false);
    const ready = epochNow() - t0;
    const { marks } = await marksAt(page, url, side.mark);
    return { ready, ...since(marks, t0) };
  } finally {
    await context.close();
    await stopped(child);
    rmSync(home, { recursive: true, force: true, maxRetries: 5 });
  }
}

/** `side` started once and left up: `load` measures one fresh page from it, `stop` ends it. */
type PagesOnly = Readonly<{
  load: () => Promise<Readonly<Record<string, number>>>;
  stop: () => Promise<void>;
}>;

/**
 * Navigation → marks of a fresh page (a new browser context each run: nothing cached) from `side` started once and
 * already up: what the page itself costs, without the server's start.
 */
async function pagesOnly(browser: Browser, side: Side): Promise<PagesOnly> {
  const home = mkdtempSync(join(tmpdir(), 'marquee-bench-start-'));
  const port = await freePort();
  const child = side.start(port, home);
  const url = `http://127.0.0.1:${port}${side.path}`;
  await answered(url, child, true);
  return {
    load: async () => {
      const { page, context } = await freshPage(browser);
      try {
        const { marks, origin } = await marksAt(page, url, side.mark);
        return since(marks, origin);
      } finally {
        await context.close();
      }
    },
    stop: async () => {
      await stopped(child);
      rmSync(home, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** Runs `a` and `b` `RUNS` times each, alternating which goes first. */
async function sideBySide<T>(a: () => Promise<T>, b: () => Promise<T>): Promise<{ a: T[]; b: T[] }> {
  const out = { a: [] as T[], b: [] as T[] };
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) {
      out.a.push(await a());
      out.b.push(await b());
    } else {
      out.b.push(await b());
      out.a.push(await a());
    }
  }
  return out;
}

const ms = (n: number): string => `${Math.round(n)} ms`;
const spread = (xs: readonly number[]): string =>
  `min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))} over ${xs.length} runs`;
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/** Raw and gzip bytes of what a built page's index.html loads (its scripts, style sheets and preloads). */
function pageWeight(page: 'renderer' | 'remote'): { raw: number; gzip: number; files: number } {
  const dir = join(root, 'dist', page);
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...new Set([...html.matchAll(/["'](?:\.\/)?(assets\/[^"']+)["']/g)].map((m) => m[1] ?? ''))];
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const body = readFileSync(join(dir, file));
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { raw, gzip, files: files.length };
}

function sizeRow(page: 'renderer' | 'remote'): BenchRow {
  const w = pageWeight(page);
  return {
    name: `dist/${page}: what index.html loads, gzip`,
    median: kb(w.gzip),
    detail: `${kb(w.raw)} raw in ${w.files} files`,
  };
}

/** Runs the start-up benchmark. */
export async function run(): Promise<readonly BenchRow[]> {
  ensureCliBuilt();
  ensurePageBuilt('renderer');
  ensurePageBuilt('remote');
  const loadBefore = loadavg()[0]?.toFixed(1) ?? '?';
  const deckDir = mkdtempSync(join(tmpdir(), 'marquee-bench-deck-'));
  writeFileSync(join(deckDir, 'index.html'), revealDeckHtml(DECK_SCRIPT));
  symlinkSync(REVEAL_DIST, join(deckDir, 'media'));
  const plain = plainSide(deckDir);
  const chromium = await launchChromium();
  const running: PagesOnly[] = [];
  try {
    const http = await sideBySide(
      () => spawnToHttp(marqueeSide),
      () => spawnToHttp(plain),
    );
    const paint = await sideBySide(
      () => spawnToPaint(chromium.browser, marqueeSide),
      () => spawnToPaint(chromium.browser, plain),
    );
    const marqueeUp = await pagesOnly(chromium.browser, marqueeSide);
    running.push(marqueeUp);
    const plainUp = await pagesOnly(chromium.browser, plain);
    running.push(plainUp);
    const pages = await sideBySide(marqueeUp.load, plainUp.load);
    const at = (runs: readonly Readonly<Record<string, number>>[], name: string): number[] =>
      runs.map((r) => r[name] ?? Number.NaN);
    const marqueePage = at(pages.a, 'marquee:presented');
    const deckPage = at(pages.b, 'deck:painted');
    const pageRatio = median(marqueePage) / median(deckPage);
    const marqueePainted = at(paint.a, 'marquee:presented');
    const deckPainted = at(paint.b, 'deck:painted');
    const httpRatio = median(http.a) / median(http.b);
    const paintRatio = median(marqueePainted) / median(deckPainted);
    return [
      {
        name: 'spawn → whole page, HTTP 200: marquee serve (demo)',
        median: ms(median(http.a)),
        detail: spread(http.a),
      },
      {
        name: 'spawn → whole page, HTTP 200: plain Node http server',
        median: ms(median(http.b)),
        detail: spread(http.b),
      },
      {
        name: 'ratio marquee serve / plain server',
        median: `${httpRatio.toFixed(2)}×`,
        detail: `goal ≤ 4× (${httpRatio <= 4 ? 'met' : 'NOT met'})`,
      },
      {
        name: 'spawn → first slide painted: marquee serve + Chromium',
        median: ms(median(marqueePainted)),
        detail:
          `${spread(marqueePainted)}; server answered at ${ms(median(at(paint.a, 'ready')))}, ` +
          `first slide enters (enter-start) at ${ms(median(at(paint.a, 'marquee:enter-start')))}`,
      },
      {
        name: 'spawn → first slide painted: reveal.js deck, plain server',
        median: ms(median(deckPainted)),
        detail: `${spread(deckPainted)}; server answered at ${ms(median(at(paint.b, 'ready')))}`,
      },
      {
        name: 'ratio marquee / reveal.js deck',
        median: `${paintRatio.toFixed(2)}×`,
        detail: `goal ≤ 1.5× (${paintRatio <= 1.5 ? 'met' : 'NOT met'})`,
      },
      {
        name: 'page only (server up): navigation → first slide painted, marquee',
        median: ms(median(marqueePage)),
        detail: spread(marqueePage),
      },
      {
        name: 'page only (server up): navigation → first painted frame, deck',
        median: ms(median(deckPage)),
        detail: spread(deckPage),
      },
      {
        name: 'ratio page only, marquee / deck',
        median: `${pageRatio.toFixed(2)}×`,
        detail: 'what the page costs; the rest of the first-slide ratio is the host starting',
      },
      sizeRow('renderer'),
      sizeRow('remote'),
      {
        name: 'machine: load average (1 min)',
        median: loadavg()[0]?.toFixed(1) ?? '?',
        detail: `${loadBefore} at the start`,
      },
    ];
  } finally {
    for (const server of running) await server.stop();
    await chromium.cleanup();
    rmSync(deckDir, { recursive: true, force: true });
  }
}
