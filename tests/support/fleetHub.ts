import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FleetSnapshot } from '../../src/core/channels/hubApiContract';
import type { FleetTuning } from '../../src/host/fleet/fleetPart';
import type { BrokerLogin } from './brokers';

const CHILD = fileURLToPath(new URL('./fleetScreenChild.ts', import.meta.url));

/** The fleet as the fleet remote sees it: `GET /api/fleet` on the hub, checked with the hub contract. */
export async function fleetApi(hubUrl: string, token: string): Promise<FleetSnapshot> {
  const res = await fetch(`${hubUrl}/api/fleet`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${hubUrl}/api/fleet answered ${res.status}`);
  return FleetSnapshot.parse(await res.json());
}

/** The state the fleet remote shows for `screen` (undefined: not listed). */
export async function stateOnApi(hubUrl: string, token: string, screen: string) {
  return (await fleetApi(hubUrl, token)).screens.find((s) => s.screen === screen)?.state;
}

/** Polls `read` every `everyMs` (100: within the hub API's rate limit of 10/s) until `ok` holds; resolves with the ms it took; rejects after `limitMs`. */
export async function msUntil<T>(
  read: () => Promise<T> | T,
  ok: (value: T) => boolean,
  limitMs = 10_000,
  everyMs = 100,
): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return Date.now() - t0;
    if (Date.now() - t0 > limitMs)
      throw new Error(`condition not met within ${limitMs} ms: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Real screens in a child process (tests/support/fleetScreenChild.ts), and how to kill it. */
export type ScreenProcess = Readonly<{ child: ChildProcess; ready: Promise<void> }>;

/** Spawns real fleet screens in a process of their own; `ready` resolves once all of them run. */
export function spawnFleetScreens(
  args: Readonly<{
    url: string;
    dir: string;
    tuning?: FleetTuning;
    screens: readonly Readonly<{ login: BrokerLogin; groups: readonly string[] }>[];
  }>,
  onPresented?: (p: { screen: string; slide: string; seq: number; at: number }) => void,
): ScreenProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(args)], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  if (onPresented) child.on('message', (m) => onPresented(m as Parameters<typeof onPresented>[0]));
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fleet screens did not start:\n${output}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('ready\n')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`fleet screens exited with ${code}:\n${output}`));
    });
  });
  ready.catch(() => undefined);
  return { child, ready };
}
