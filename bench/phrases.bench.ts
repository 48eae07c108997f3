// What phrase breaking for Chinese costs: every Chinese text of the demo playlist segmented from scratch (BudouX
// plus the ICU word check, as on a first showing) and again through the memo (every later showing).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { phraseBreaks, phrasesOf } from '../src/renderer/text/phrases';
import type { BenchRow } from './benchTypes';

/** Section title in the bench table. */
export const title = 'Chinese phrase breaking (renderer/text/phrases)';

const DEMO = join(import.meta.dirname, '..', 'assets', 'demo', 'playlist.json');
const RUNS = 30;

/** Every string under a "zh" key of the demo playlist. */
function chineseTexts(): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (key === 'zh') out.push(value);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(JSON.parse(readFileSync(DEMO, 'utf8')), '');
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Uncached and memoized segmentation of the demo's Chinese texts, side by side. */
export async function run(): Promise<readonly BenchRow[]> {
  const texts = chineseTexts();
  const chars = texts.reduce((n, t) => n + t.length, 0);
  for (const t of texts) phrasesOf(t, 'zh');
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    cold.push(
      time(() => {
        for (const t of texts) phraseBreaks(t, 'zh-hans');
      }),
    );
    warm.push(
      time(() => {
        for (const t of texts) phrasesOf(t, 'zh');
      }),
    );
  }
  const what = `${texts.length} texts, ${chars} characters`;
  return [
    {
      name: 'every demo text, segmented',
      median: `${median(cold).toFixed(2)} ms`,
      detail: `${what}; ${((median(cold) / chars) * 1000).toFixed(1)} µs a character`,
    },
    {
      name: 'every demo text, memoized',
      median: `${median(warm).toFixed(3)} ms`,
      detail: `${what}; ×${(median(cold) / median(warm)).toFixed(0)} faster than segmenting`,
    },
  ];
}
