import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RendererToHost } from '../src/core/channels/rendererChannel';
import { sent } from '../tests/renderer/support/harness';
import { openWallPages } from '../tests/renderer/support/testApiWall';
import {
  copyWallVideo,
  lagOf,
  median,
  type ProbeFrame,
  probeVideo,
  putUpWallVideo,
  WALL_VIDEO_S,
} from '../tests/renderer/support/wallVideoProbe';
import type { BenchRow } from './benchTypes';

/** Section title in the `npm run bench` table (`npm run bench -- wall` runs it with the wall bench). */
export const title = 'Synchronized wall: one video across 3 Chromium pages (injected clock skew)';

const OFFSETS = [-150, 0, 200];
const FRAME_MS = 1000 / 60;
/** Measured from this long after the wall's start, for MEASURE_MS, in windows of WINDOW_MS. */
const SETTLE_MS = 5_000;
const MEASURE_MS = 20_000;
const WINDOW_MS = 1_000;

/** The value at quantile `q` (0..1) of `values` (nearest rank). */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

/** One window of the probes: when it began (ms after the wall's start) and the spread of the screens in it, ms. */
type WindowSpread = Readonly<{ fromStartMs: number; spreadMs: number }>;

/** Per window of the probes: max − min over the screens of their median lag behind the wall in that window. */
function windowSpreads(
  probes: readonly (readonly ProbeFrame[])[],
  startMs: number,
  from: number,
): WindowSpread[] {
  const spreads: WindowSpread[] = [];
  for (let t = from; t + WINDOW_MS <= from + MEASURE_MS; t += WINDOW_MS) {
    const lags = probes.map((rows) =>
      median(rows.filter(([real]) => real >= t && real < t + WINDOW_MS).map((row) => lagOf(row, startMs))),
    );
    if (lags.every(Number.isFinite)) {
      spreads.push({ fromStartMs: t - startMs, spreadMs: (Math.max(...lags) - Math.min(...lags)) * 1000 });
    }
  }
  return spreads;
}

/** Whether a window holds the video's loop point, or the second after it (the loop's seek stalls each page a little). */
function nearLoop(w: WindowSpread): boolean {
  const loopMs = WALL_VIDEO_S * 1000;
  const intoLoop = w.fromStartMs % loopMs;
  return intoLoop < 2 * WINDOW_MS;
}

/** A bench row of window spreads: median, p95 and max against the one-frame goal. */
function spreadRow(name: string, windows: readonly WindowSpread[], frames: string): BenchRow {
  const spreads = windows.map((w) => w.spreadMs);
  if (spreads.length === 0) return { name, median: '—', detail: 'no window' };
  const p95 = quantile(spreads, 0.95);
  return {
    name,
    median: ms(quantile(spreads, 0.5)),
    detail: `p95 ${ms(p95)}, max ${ms(Math.max(...spreads))} over ${spreads.length} windows; goal ≤ one frame (${ms(FRAME_MS)}): ${p95 <= FRAME_MS ? 'met' : 'NOT met'}${frames}`,
  };
}

/** Plays the demo video spanned across a 3 × 1 wall and measures how far apart the screens' media times are. */
export async function run(): Promise<readonly BenchRow[]> {
  const loadBefore = loadavg()[0]?.toFixed(2) ?? '?';
  const dir = await mkdtemp(join(tmpdir(), 'marquee-bench-wall-video-'));
  copyWallVideo(dir);
  const wall = await openWallPages(dir, {
    clockOffsetsMs: OFFSETS,
    bezel: { x: 20, y: 0 },
    width: 640,
    height: 360,
  });
  try {
    const startMs = Date.now() + 6_000;
    await putUpWallVideo(wall, startMs);
    const from = startMs + SETTLE_MS;
    await new Promise((r) => setTimeout(r, Math.max(0, from - Date.now())));
    const probes = await Promise.all(wall.screens.map((s) => probeVideo(s.page, MEASURE_MS)));
    const windows = windowSpreads(probes, startMs, from);
    const reports = (await Promise.all(wall.screens.map((s) => sent(s.page))))
      .flat()
      .filter((m): m is Extract<RendererToHost, { type: 'video-time' }> => m.type === 'video-time');
    const rates = reports.map((r) => Math.abs(r.playbackRate - 1) * 100);
    const frames = `; ${probes.map((p) => p.length).join('/')} frames probed`;
    return [
      spreadRow(
        'video media-time spread, 1 s windows 5–25 s after the start (max − min of 3)',
        windows,
        frames,
      ),
      spreadRow(
        '  of which away from the loop point',
        windows.filter((w) => !nearLoop(w)),
        '',
      ),
      spreadRow(
        `  of which at the loop point (every ${WALL_VIDEO_S} s) and the 2 s after`,
        windows.filter(nearLoop),
        '',
      ),
      {
        name: 'video playbackRate nudge (|rate − 1|, every report of every screen)',
        median: `${quantile(rates, 0.5).toFixed(2)} %`,
        detail: `p95 ${quantile(rates, 0.95).toFixed(2)} %, max ${Math.max(...rates).toFixed(2)} % over ${reports.length} reports (limit 5 %)`,
      },
      {
        name: 'machine: load average (1 min)',
        median: loadavg()[0]?.toFixed(2) ?? '?',
        detail: `${loadBefore} at the start; ${availableParallelism()} cores; one Chromium: one frame clock and media clock source for the 3 pages`,
      },
    ];
  } finally {
    await wall.close();
    await rm(dir, { recursive: true, force: true });
  }
}
