import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hub } from '../src/host/hub/startHub';
import type { BrokerLogin } from '../tests/support/brokers';
import { msUntil, type ScreenProcess, spawnFleetScreens, stateOnApi } from '../tests/support/fleetHub';
import { allOnline, QUICK_FLEET, spawnScreensOver, startLoopbackHub } from '../tests/support/fleetScreens';
import { memory, quantile } from './benchMemory';
import type { BenchRow } from './benchTypes';

/** Section title in the `npm run bench` table. */
export const title = 'Fleet (marquee hub, embedded broker, real screens)';

const SCREENS = 50;
const PROCESSES = 2;
const COMMANDS = 100;
const TOKEN = 'fleet-bench-token-0123456789';
const SLIDES = ['s1', 's2', 's3', 's4', 's5'];

/** The latency and reply figures of `COMMANDS` goto commands to `all`, one after another. */
async function commandsToAll(
  hub: Hub,
  onScreen: Map<string, { slide: string; at: number }>,
  names: readonly string[],
  acks: AckWaiter,
): Promise<{ acked: number[]; replied: number[] }> {
  const allShow = (slide: string, since: number): Promise<void> =>
    acks.until(() =>
      names.every((n) => onScreen.get(n)?.slide === slide && (onScreen.get(n)?.at ?? 0) >= since),
    );
  const acked: number[] = [];
  const replied: number[] = [];
  for (let i = 0; i < COMMANDS; i++) {
    const slide = SLIDES[i % SLIDES.length] ?? 's1';
    const t0 = Date.now();
    const result = await hub.link.send({ target: { kind: 'all' }, command: { type: 'goto', slide } });
    replied.push(Date.now() - t0);
    if (result.replies.length !== names.length)
      throw new Error(`command ${i}: ${result.replies.length} of ${names.length} screens replied`);
    await allShow(slide, t0);
    acked.push(Math.max(...names.map((n) => onScreen.get(n)?.at ?? 0)) - t0);
    // Why: a venue's staff do not fire 100 commands back to back; leave the status throttle (250 ms) idle.
    await new Promise((r) => setTimeout(r, 300));
  }
  return { acked, replied };
}

/** Wakes a waiter on every acknowledgement (no polling: the benchmark must not take the CPU it measures). */
class AckWaiter {
  #wake: (() => void) | null = null;
  acked(): void {
    this.#wake?.();
  }
  until(done: () => boolean, limitMs = 10_000): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`not every screen acknowledged within ${limitMs} ms`)),
        limitMs,
      );
      this.#wake = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.#wake = null;
        resolve();
      };
    });
  }
}

/** Milliseconds from killing one real screen (`signal`) to "offline" on the hub's /api/fleet. */
async function deathToOffline(
  hub: Hub,
  url: string,
  login: BrokerLogin,
  dir: string,
  keepaliveS: number,
  signal: 'SIGKILL' | 'SIGSTOP',
): Promise<number> {
  const screen = spawnFleetScreens({
    url,
    dir,
    tuning: { ...QUICK_FLEET, keepaliveS },
    screens: [{ login, groups: ['bench'] }],
  });
  try {
    await screen.ready;
    await msUntil(
      () => stateOnApi(hub.url, TOKEN, login.username),
      (s) => s === 'online',
      20_000,
    );
    // Why: die at a random point of the heartbeat period, as a real screen would.
    await new Promise((r) => setTimeout(r, 500 + Math.random() * keepaliveS * 1000));
    screen.child.kill(signal);
    return await msUntil(
      () => stateOnApi(hub.url, TOKEN, login.username),
      (s) => s === 'offline',
      4 * keepaliveS * 1000,
    );
  } finally {
    screen.child.kill('SIGKILL');
  }
}

const ms = (n: number): string => `${Math.round(n)} ms`;

/** Runs the fleet benchmark. */
export async function run(): Promise<readonly BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'marquee-bench-fleet-'));
  const processes: ScreenProcess[] = [];
  let hub: Hub | null = null;
  try {
    const fleet = await startLoopbackHub(join(dir, 'hub'), TOKEN);
    hub = fleet.hub;
    const running = hub;
    const { url, login } = fleet;
    const names = Array.from({ length: SCREENS }, (_, i) => `door-${String(i + 1).padStart(2, '0')}`);
    const onScreen = new Map<string, { slide: string; at: number }>();
    const acks = new AckWaiter();
    const before = memory();
    processes.push(
      ...spawnScreensOver(
        PROCESSES,
        fleet,
        // Why: the link's own timings (keepalive 10 s, proof of play every 15 s), as at a venue.
        { dir, tuning: {}, screens: names.map((name) => ({ name, groups: ['doors'] })) },
        (presented) => {
          onScreen.set(presented.screen, { slide: presented.slide, at: presented.at });
          acks.acked();
        },
      ),
    );
    await Promise.all(processes.map((p) => p.ready));
    await allOnline(running, names, 60_000);
    await new Promise((r) => setTimeout(r, 1_000));
    const joined = memory();
    const load0 = loadavg()[0] ?? 0;
    const cpu0 = process.cpuUsage();
    const { acked, replied } = await commandsToAll(running, onScreen, names, acks);
    const cpu = process.cpuUsage(cpu0);
    const hubCpuMs = (cpu.user + cpu.system) / 1000 / COMMANDS;
    const load1 = loadavg()[0] ?? 0;
    for (const p of processes) p.child.kill('SIGTERM');

    const kills: number[] = [];
    const silent2: number[] = [];
    for (let i = 0; i < 3; i++) {
      kills.push(await deathToOffline(running, url, login(`killed-${i}`), join(dir, `k${i}`), 10, 'SIGKILL'));
      silent2.push(
        await deathToOffline(running, url, login(`frozen-${i}`), join(dir, `f${i}`), 2, 'SIGSTOP'),
      );
    }
    const silent10 = await deathToOffline(running, url, login('frozen-10'), join(dir, 'f10'), 10, 'SIGSTOP');

    const perScreen = (a: number, b: number): string => `${(((b - a) * 1024) / SCREENS).toFixed(0)} KB`;
    return [
      {
        name: `goto to all → every screen's new slide acknowledged (${SCREENS} screens, ${COMMANDS} commands)`,
        median: ms(quantile(acked, 0.5)),
        detail: `p95 ${ms(quantile(acked, 0.95))}, max ${ms(Math.max(...acked))} (goal p95 < 100 ms); screens in ${PROCESSES} processes; machine load ${load0.toFixed(1)} → ${load1.toFixed(1)} on ${availableParallelism()} cores`,
      },
      {
        name: `goto to all → all ${SCREENS} replies at the hub`,
        median: ms(quantile(replied, 0.5)),
        detail: `p95 ${ms(quantile(replied, 0.95))}, max ${ms(Math.max(...replied))}`,
      },
      {
        name: 'hub CPU per command to all (broker fan-out, 50 replies, statuses)',
        median: `${hubCpuMs.toFixed(1)} ms`,
        detail: 'mean over the commands, user + system, of the hub process (the screens run in their own)',
      },
      {
        name: 'hub memory per joined screen (embedded broker + controller)',
        median: perScreen(before.heap, joined.heap),
        detail: `heap ${before.heap.toFixed(1)} → ${joined.heap.toFixed(1)} MB, RSS ${before.rss.toFixed(1)} → ${joined.rss.toFixed(1)} MB (${perScreen(before.rss, joined.rss)} RSS per screen) for ${SCREENS} screens`,
      },
      {
        name: 'screen killed -9 → offline on /api/fleet (keepalive 10 s)',
        median: ms(quantile(kills, 0.5)),
        detail: `${kills.map(ms).join(', ')}; the socket closes, the broker sends the will at once (polled every 100 ms)`,
      },
      {
        name: 'screen frozen (SIGSTOP, as a power cut) → offline, keepalive 2 s',
        median: ms(quantile(silent2, 0.5)),
        detail: `${silent2.map(ms).join(', ')}; goal ≤ 1.5 × keepalive = 3000 ms`,
      },
      {
        name: 'screen frozen (SIGSTOP) → offline, keepalive 10 s (the default)',
        median: ms(silent10),
        detail: 'one run; goal ≤ 1.5 × keepalive = 15000 ms',
      },
    ];
  } finally {
    for (const p of processes) p.child.kill('SIGKILL');
    await hub?.dispose();
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  }
}
