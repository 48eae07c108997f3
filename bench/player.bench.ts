import { createPlayer, transition } from '../src/core/player/playerMachine';
import type { PlayerEvent, PlayerState } from '../src/core/player/playerTypes';
import type { Playlist, Slide } from '../src/core/playlist/types';
import type { BenchRow } from './benchTypes';

/** Section title in the `npm run bench` table. */
export const title = 'Player machine (pure core)';

function playlistOf(n: number, withWindows: boolean): Playlist {
  const slides: Slide[] = Array.from({ length: n }, (_, i) => ({
    type: 'announcement',
    id: `s${i}`,
    text: `Slide ${i}`,
    ...(withWindows && i % 3 === 0
      ? { when: [{ from: `${String(8 + (i % 10)).padStart(2, '0')}:00`, to: '20:00' }] }
      : {}),
  }));
  return {
    version: 1,
    event: { name: 'Bench', timezone: 'Asia/Shanghai', languages: ['zh', 'en'] },
    defaults: { duration: 10 },
    slides,
  };
}

/** Transitions per second over `count` steps of a realistic mix: present, wake at time-up, staff next/prev. */
function transitionsPerSecond(list: Playlist, count: number): number {
  let now = Date.parse('2018-12-20T10:00:00+08:00');
  let state: PlayerState = createPlayer(list, now).state;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const kind = i % 4;
    const event: PlayerEvent =
      kind === 0
        ? { type: 'presented', seq: state.slot.seq }
        : kind === 1
          ? { type: 'wake' }
          : kind === 2
            ? { type: 'next' }
            : { type: 'prev' };
    now += kind === 1 ? 10_000 : 50;
    state = transition(state, event, now).state;
  }
  return count / ((performance.now() - start) / 1000);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Runs the player benchmark. */
export async function run(): Promise<readonly BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [n, windows] of [
    [10, false],
    [1_000, false],
    [1_000, true],
  ] as const) {
    const list = playlistOf(n, windows);
    transitionsPerSecond(list, 5_000);
    const runs = Array.from({ length: 7 }, () => transitionsPerSecond(list, 20_000));
    rows.push({
      name: `transitions/s, ${n} slides${windows ? ', 1/3 with time windows' : ''}`,
      median: `${Math.round(median(runs)).toLocaleString('en')} /s`,
      detail: `min ${Math.round(Math.min(...runs)).toLocaleString('en')} /s, max ${Math.round(Math.max(...runs)).toLocaleString('en')} /s over 7 runs of 20,000`,
    });
  }
  return rows;
}
