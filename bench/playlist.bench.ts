import { availableParallelism, loadavg } from 'node:os';
import { parsePlaylist } from '../src/core/playlist/parsePlaylist';
import { generatePlaylistText } from '../tests/core/playlist/generatePlaylist';
import type { BenchRow } from './benchTypes';

/** Section title in the `npm run bench` table. */
export const title = 'Playlist parse + validate (core/playlist)';

const GOAL_MS = 150;
const GOAL_SLIDES = 10_000;

/** Parse+validate time for 100, 1,000 and 10,000 generated slides (a valid file, then one with a problem), next to JSON.parse alone. */
export async function run(): Promise<readonly BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const slides of [100, 1_000, 10_000]) {
    const text = generatePlaylistText(slides);
    const runs = slides >= 10_000 ? 15 : 40;
    const full = measure(runs, () => {
      if (!parsePlaylist(text, { fileName: 'bench.json' }).ok)
        throw new Error('the generated playlist must be valid');
    });
    const json = measure(runs, () => JSON.parse(text));
    const goal =
      slides === GOAL_SLIDES
        ? `; goal < ${GOAL_MS} ms: ${verdict(full.median)} on wall time, ${verdict(full.cpuMedian)} on CPU time (load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`
        : '';
    rows.push({
      name: `${slides.toLocaleString('en')} slides (${kb(text.length)})`,
      median: ms(full.median),
      detail: `p95 ${ms(full.p95)}, CPU ${ms(full.cpuMedian)}; JSON.parse alone ${ms(json.median)} (×${(full.median / json.median).toFixed(1)})${goal}`,
    });
  }
  const broken = generatePlaylistText(GOAL_SLIDES).replace('"duration": 8', '"duration": 0');
  const invalid = measure(10, () => {
    if (parsePlaylist(broken, { fileName: 'bench.json' }).ok)
      throw new Error('the broken playlist must be invalid');
  });
  rows.push({
    name: '10,000 slides, one problem',
    median: ms(invalid.median),
    detail: `p95 ${ms(invalid.p95)}; positions come from one more scan of the text, made only when something is wrong`,
  });
  return rows;
}

interface Timing {
  readonly median: number;
  readonly p95: number;
  readonly cpuMedian: number;
}

function measure(runs: number, fn: () => void): Timing {
  for (let i = 0; i < 3; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { median: quantile(wall, 0.5), p95: quantile(wall, 0.95), cpuMedian: quantile(cpu, 0.5) };
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function verdict(value: number): string {
  return value < GOAL_MS ? 'met' : 'MISSED';
}

function ms(value: number): string {
  return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`;
}

function kb(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : `${Math.round(chars / 1000)} kB`;
}
