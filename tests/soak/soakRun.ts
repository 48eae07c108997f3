import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { Health } from '../../src/core/channels/healthContract';
import { PRESENT_TIMEOUT_MS } from '../../src/core/player/playerTypes';
import type { Playlist } from '../../src/core/playlist/types';
import { freePort, startServe } from '../e2e/serveProcess';
import { launchChromium } from '../support/chromium';
import { ensureRendererBuilt } from '../support/rendererBuild';
import { slideTypes, writeFastDemo } from './soakPlaylist';

/** What a soak run does. */
export type SoakOptions = Readonly<{
  /** Slide changes to play through. */
  changes: number;
  /**
   * How many times faster the host's clock runs (MARQUEE_CLOCK_SPEED). Default 3: a 1 s slide lasts 333 ms, and the
   * player's present time-out (10 s of host clock) is 3.3 real seconds.
   */
  speed?: number;
  /** Renderer heap growth allowed from the first sample to the last, bytes. Default 5 MB. */
  maxHeapGrowthBytes?: number;
  /** Host RSS growth allowed from the first sample to the last, bytes. Default 30 MB. */
  maxRssGrowthBytes?: number;
  /** Gives up after this long, ms. */
  timeoutMs: number;
  /** Progress lines go here. */
  progress?: (line: string) => void;
}>;

/** One measurement during the run. */
export type SoakSample = Readonly<{
  changes: number;
  seconds: number;
  rendererHeapBytes: number;
  hostRssBytes: number;
  hostHeapBytes: number;
}>;

/** One limit and whether the run kept it. */
export type SoakCheck = Readonly<{ name: string; value: string; limit: string; ok: boolean }>;

/** The result of a soak run. */
export type SoakResult = Readonly<{
  samples: readonly SoakSample[];
  checks: readonly SoakCheck[];
  health: Health;
  consoleErrors: readonly string[];
  /** The slide types of the soak playlist. */
  slideTypes: readonly string[];
  /** Acknowledgements the page sent during the run, by slide type. */
  acks: AckFigures;
  speed: number;
  ok: boolean;
}>;

const MB = 1024 * 1024;

/** The clock speed `npm run soak` and the short soak use unless told otherwise. */
export const DEFAULT_SOAK_SPEED = 3;

/** Renderer JS heap in use after a forced garbage collection, bytes (CDP). */
async function rendererHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize;
}

/**
 * Page script (fixed-size state, so it does not grow the heap it measures). `window.__soakTrace`: the last 64
 * renderer events, `show` when a view with a new seq arrives, `shown` when the stage puts it up, `ack` when
 * `presented` is sent (page `performance.now()` ms). `window.__soakAcks`: per slide type, acknowledgements sent
 * and the slowest arrival → acknowledgement, ms.
 */
const TRACE_SCRIPT = `(() => {
  const ring = [];
  const shows = [];
  const acks = {};
  const put = (kind, seq) => { ring.push([kind, seq, Math.round(performance.now())]); if (ring.length > 64) ring.shift(); };
  window.__soakTrace = ring;
  window.__soakAcks = acks;
  const Native = window.WebSocket;
  let lastSeq = -1;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        try {
          const m = JSON.parse(String(e.data));
          if (m.type === 'show' && m.view.seq !== lastSeq) {
            lastSeq = m.view.seq;
            put('show', m.view.seq);
            shows.push({ seq: m.view.seq, at: performance.now(), type: m.view.slide ? m.view.slide.type : 'idle' });
            if (shows.length > 8) shows.shift();
          }
        } catch {}
      });
    }
    send(data) {
      try {
        const m = JSON.parse(String(data));
        if (m.type === 'presented') {
          put('ack', m.seq);
          const s = shows.find((x) => x.seq === m.seq);
          if (s) {
            const a = acks[s.type] ?? (acks[s.type] = { n: 0, maxMs: 0 });
            a.n += 1;
            a.maxMs = Math.max(a.maxMs, Math.round(performance.now() - s.at));
          }
        }
      } catch {}
      return super.send(data);
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      const seq = Number(r.target.getAttribute('data-shown-seq'));
      if (r.attributeName === 'data-shown-seq' && seq > 0) put('shown', seq);
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-shown-seq'] });
})();`;

/** Acknowledgements the page sent, by slide type: how many and the slowest (view arrived → `presented` sent). */
export type AckFigures = Readonly<Record<string, Readonly<{ n: number; maxMs: number }>>>;

/** The renderer's recent events around `seq`, one line (see TRACE_SCRIPT). */
async function traceAround(page: Page, seq: number): Promise<string> {
  const ring = (await page.evaluate('window.__soakTrace ?? []')) as [string, number, number][];
  const near = ring.filter(([, s]) => s >= seq - 1 && s <= seq + 1);
  const t0 = near[0]?.[2] ?? 0;
  return near.map(([kind, s, t]) => `${kind} ${s} +${t - t0}ms`).join(', ') || 'nothing recorded';
}

/**
 * Runs `measure` with the show paused (the kiosk's pause key, p) and the slide on screen acknowledged.
 * Why: a forced garbage collection stops the page for seconds on a loaded machine; during a change it would delay
 * that change's acknowledgement past the present time-out, a miss made by the measurement, not by the renderer.
 */
async function heldStill<T>(page: Page, url: string, measure: () => Promise<T>): Promise<T> {
  const wait = async (what: string, ok: (h: Health) => boolean): Promise<void> => {
    const end = Date.now() + 60_000;
    while (!ok(await health(url))) {
      if (Date.now() > end) throw new Error(`soak: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await page.keyboard.press('p');
  await wait('the show to pause', (h) => h.paused && h.renderers.acknowledgedSeq === h.seq);
  const value = await measure();
  await page.keyboard.press('p');
  await wait('the show to resume', (h) => !h.paused);
  return value;
}

async function health(url: string): Promise<Health> {
  const res = await fetch(`${url}api/health`);
  if (!res.ok) throw new Error(`GET ${url}api/health answered ${res.status}`);
  return Health.parse(await res.json());
}

/**
 * Runs `marquee serve` on a fast clock with the demo show cut to short slides, opens it in headless Chromium and
 * plays through `changes` slide changes, sampling the renderer heap (after forced GC) and the host's RSS five
 * times; then checks: no console errors, heap and RSS growth within limits, every change acknowledged, no
 * watchdog reload.
 */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const speed = options.speed ?? DEFAULT_SOAK_SPEED;
  const log = options.progress ?? (() => {});
  ensureRendererBuilt();
  const home = await mkdtemp(join(tmpdir(), 'marquee-soak-'));
  const previous = { speed: process.env.MARQUEE_CLOCK_SPEED, watchdog: process.env.MARQUEE_WATCHDOG_MS };
  process.env.MARQUEE_CLOCK_SPEED = String(speed);
  // Why: the watchdog counts host-clock time; keep its limit at 15 real seconds, as a loaded machine may need.
  process.env.MARQUEE_WATCHDOG_MS = String(Math.min(3_600_000, 15_000 * speed));
  const playlistFile = await writeFastDemo(home);
  const types = slideTypes(JSON.parse(await readFile(playlistFile, 'utf8')) as Playlist);
  const serve = await startServe(
    ['--playlist', playlistFile, '--port', String(await freePort()), '--log-level', 'warn'],
    home,
  ).finally(() => {
    restoreEnv('MARQUEE_CLOCK_SPEED', previous.speed);
    restoreEnv('MARQUEE_WATCHDOG_MS', previous.watchdog);
  });
  const chromium = await launchChromium();
  const consoleErrors: string[] = [];
  try {
    const page: Page = await chromium.browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('console', (m) => {
      // Why: Chromium asks every page for /favicon.ico; the kiosk page has none and needs none.
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) consoleErrors.push(m.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(`uncaught: ${err.message}`));
    await page.addInitScript(TRACE_SCRIPT);
    const cdp = await page.context().newCDPSession(page);
    await page.goto(serve.url);
    const started = Date.now();
    // Warm-up: count from the first acknowledged slide (page load, fonts and the first decode are not the soak).
    let base = await health(serve.url);
    while (base.renderers.acknowledged === 0 || base.renderers.connected === 0) {
      if (Date.now() - started > 60_000)
        throw new Error('soak: the renderer acknowledged no slide within 60 s');
      await new Promise((r) => setTimeout(r, 200));
      base = await health(serve.url);
    }
    const every = Math.max(20, Math.floor(options.changes / 5));
    const samples: SoakSample[] = [];
    let nextSample = every;
    let last = base;
    const done = (h: Health): number => h.renderers.changes - base.renderers.changes;
    while (done(last) < options.changes) {
      if (Date.now() - started > options.timeoutMs) {
        throw new Error(
          `soak: only ${done(last)} of ${options.changes} slide changes in ${options.timeoutMs} ms`,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
      const before = last;
      last = await health(serve.url);
      if (last.renderers.missed > before.renderers.missed) {
        const lines = serve
          .stderr()
          .split('\n')
          .filter((l) => l.includes('without being acknowledged'));
        for (const line of lines.slice(-(last.renderers.missed - before.renderers.missed))) {
          const seq = Number(/seq (\d+)/.exec(line)?.[1] ?? -1);
          log(`MISSED ${line.trim()} | renderer: ${await traceAround(page, seq)}`);
        }
      }
      if (done(last) >= nextSample) {
        nextSample += every;
        const rendererHeapBytes = await heldStill(page, serve.url, () => rendererHeap(cdp));
        const now = await health(serve.url);
        const sample: SoakSample = {
          changes: done(now),
          seconds: Math.round((Date.now() - started) / 100) / 10,
          rendererHeapBytes,
          hostRssBytes: now.memory.rssBytes,
          hostHeapBytes: now.memory.heapUsedBytes,
        };
        samples.push(sample);
        log(
          `${sample.changes} changes  ${sample.seconds} s  renderer heap ${(rendererHeapBytes / MB).toFixed(1)} MB  host RSS ${(sample.hostRssBytes / MB).toFixed(1)} MB`,
        );
      }
    }
    // Let the last change be acknowledged before the final count.
    await new Promise((r) => setTimeout(r, 300));
    const final = await health(serve.url);
    const acks = (await page.evaluate('window.__soakAcks')) as AckFigures;
    const checks = [
      ...judge(samples, base, final, consoleErrors, options),
      {
        name: 'slide types acknowledged',
        value: `${types.filter((t) => (acks[t]?.n ?? 0) > 0).length} of ${types.length}`,
        limit: 'all',
        ok: types.every((t) => (acks[t]?.n ?? 0) > 0),
      },
    ];
    return {
      samples,
      checks,
      health: final,
      consoleErrors,
      slideTypes: types,
      acks,
      speed,
      ok: checks.every((c) => c.ok),
    };
  } finally {
    await chromium.cleanup();
    await serve.stop();
    await rm(home, { recursive: true, force: true });
  }
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

function judge(
  samples: readonly SoakSample[],
  base: Health,
  final: Health,
  consoleErrors: readonly string[],
  options: SoakOptions,
): SoakCheck[] {
  const first = samples[0];
  const lastSample = samples.at(-1);
  const heapGrowth =
    first && lastSample ? lastSample.rendererHeapBytes - first.rendererHeapBytes : Number.NaN;
  const rssGrowth = first && lastSample ? lastSample.hostRssBytes - first.hostRssBytes : Number.NaN;
  const maxHeap = options.maxHeapGrowthBytes ?? 5 * MB;
  const maxRss = options.maxRssGrowthBytes ?? 30 * MB;
  const b = base.renderers;
  const f = final.renderers;
  const r = {
    changes: f.changes - b.changes,
    acknowledged: f.acknowledged - b.acknowledged,
    missed: f.missed - b.missed,
    watchdogReloads: f.watchdogReloads - b.watchdogReloads,
  };
  // Why: the change on screen at the end may still be waiting for its acknowledgement.
  const unacknowledged = r.changes - r.acknowledged;
  return [
    {
      name: 'slide changes',
      value: String(r.changes),
      limit: `≥ ${options.changes}`,
      ok: r.changes >= options.changes,
    },
    {
      name: 'console errors',
      value: String(consoleErrors.length),
      limit: '0',
      ok: consoleErrors.length === 0,
    },
    {
      name: 'renderer heap growth (after GC)',
      value: `${(heapGrowth / MB).toFixed(2)} MB`,
      limit: `< ${(maxHeap / MB).toFixed(0)} MB`,
      ok: heapGrowth < maxHeap,
    },
    {
      name: 'host RSS growth',
      value: `${(rssGrowth / MB).toFixed(2)} MB`,
      limit: `< ${(maxRss / MB).toFixed(0)} MB`,
      ok: rssGrowth < maxRss,
    },
    {
      name: 'changes not acknowledged',
      value: `${unacknowledged} (missed ${r.missed})`,
      limit: '≤ 1, none missed',
      ok: unacknowledged <= 1 && r.missed === 0,
    },
    { name: 'watchdog reloads', value: String(r.watchdogReloads), limit: '0', ok: r.watchdogReloads === 0 },
    { name: 'playlist', value: final.playlist.ok ? 'ok' : 'refused', limit: 'ok', ok: final.playlist.ok },
  ];
}

/** The samples and checks as a plain-text table. */
export function formatSoak(result: SoakResult): string {
  const rows = [
    'changes  seconds  renderer heap MB  host RSS MB  host heap MB',
    ...result.samples.map(
      (s) =>
        `${String(s.changes).padStart(7)}  ${String(s.seconds).padStart(7)}  ${(s.rendererHeapBytes / MB).toFixed(2).padStart(16)}  ${(s.hostRssBytes / MB).toFixed(1).padStart(11)}  ${(s.hostHeapBytes / MB).toFixed(1).padStart(12)}`,
    ),
    '',
    ...result.checks.map(
      (c) => `${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(32)} ${c.value.padEnd(20)} limit ${c.limit}`,
    ),
    `clock speed ${result.speed}: a 1 s slide lasts ${Math.round(1000 / result.speed)} ms; present time-out ${(PRESENT_TIMEOUT_MS / result.speed / 1000).toFixed(1)} s real`,
    `acknowledged by slide type (count, slowest view → presented): ${Object.entries(result.acks)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, a]) => `${type} ${a.n} (${(a.maxMs / 1000).toFixed(2)} s)`)
      .join(', ')}`,
    ...result.consoleErrors.slice(0, 5).map((e) => `console error: ${e}`),
  ];
  return `${rows.join('\n')}\n`;
}
