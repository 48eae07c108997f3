import { availableParallelism, loadavg } from 'node:os';
import { noticePlaylist, numberedNotices } from '../tests/support/noticePlaylist';
import { mostMissed, onTime, spreadOf, startWallHarness, type WallHarness } from '../tests/support/wallPages';
import type { BenchRow } from './benchTypes';

/** Section title in the `npm run bench` table. */
export const title = 'Synchronized wall (3 Chromium pages, real hub, injected clock skew)';

/** The injected clock offsets of the three screens, ms (their truth for the estimate). */
export const OFFSETS = [-150, 0, 200] as const;
const CHANGES = 100;
const FRAME_MS = 1000 / 60;

/** The value at quantile `q` (0..1) of `values` (nearest rank). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

/** The rows of the shownAt spread over `CHANGES` changes of a running wall. */
async function spreadRows(wall: WallHarness): Promise<readonly BenchRow[]> {
  const since = wall.fleetNow() + 2_000;
  const changes = (await wall.waitForChanges(CHANGES, since, CHANGES * 1_000 + 60_000)).slice(0, CHANGES);
  const spreads = changes.map(spreadOf);
  const late = changes.flatMap((c) => Object.values(c.shownAt).map((t) => t - c.plannedAt));
  const p95 = quantile(spreads, 0.95);
  return [
    {
      name: `shownAt spread over ${changes.length} changes (max − min of 3 screens)`,
      median: ms(quantile(spreads, 0.5)),
      detail: `p95 ${ms(p95)}, max ${ms(Math.max(...spreads))}; goal p95 ≤ one frame (${ms(FRAME_MS)}): ${p95 <= FRAME_MS ? 'met' : 'NOT met'}`,
    },
    {
      name: 'changes a page flipped off its frame (missedFrames > 0)',
      median: `${changes.filter((c) => !onTime(c)).length} of ${changes.length}`,
      detail: `most frames off at one change: ${Math.max(0, ...changes.map(mostMissed))} (a starved page or host; the spread above counts them)`,
    },
    {
      name: 'first painted frame − planned fleet instant (every screen)',
      median: ms(quantile(late, 0.5)),
      detail: `p5 ${ms(quantile(late, 0.05))}, p95 ${ms(quantile(late, 0.95))} (the frame nearest the instant: within ±half a frame when none is dropped)`,
    },
  ];
}

/** One row per screen: how far its fleet time estimate is from the injected truth, and its own error bound. */
function estimateRows(wall: WallHarness): readonly BenchRow[] {
  return wall.screens.map((screen) => {
    const fleetTime = wall.latest().get(screen.name)?.wall?.fleetTime;
    const error = fleetTime === undefined ? Number.NaN : Math.abs(fleetTime.offsetMs + screen.offsetMs);
    return {
      name: `offset estimate error, ${screen.name} (injected ${screen.offsetMs > 0 ? '+' : ''}${screen.offsetMs} ms)`,
      median: ms(error),
      detail: `estimate ${fleetTime?.offsetMs ?? '—'} ms, its bound ±${fleetTime?.errorMs ?? '—'} ms; goal ≤ 2 ms on loopback: ${error <= 2 ? 'met' : 'NOT met'}`,
    };
  });
}

/** Starts the wall, lets fleet time settle, measures 100 changes, then reads the estimates. */
export async function run(): Promise<readonly BenchRow[]> {
  const loadBefore = loadavg()[0]?.toFixed(2) ?? '?';
  const wall = await startWallHarness({
    offsets: OFFSETS,
    playlist: noticePlaylist(numberedNotices(4), { duration: 1, transition: 'cut' }),
  });
  try {
    await wall.converged();
    const spread = await spreadRows(wall);
    return [
      ...spread,
      ...estimateRows(wall),
      {
        name: 'machine: load average (1 min)',
        median: loadavg()[0]?.toFixed(2) ?? '?',
        detail: `${loadBefore} at the start; ${availableParallelism()} cores; one Chromium, so one frame clock for the 3 pages`,
      },
    ];
  } finally {
    await wall.stop();
  }
}
