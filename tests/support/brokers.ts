import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BrokerCredentials,
  loadOrCreateBrokerCredentials,
  mosquittoPasswordLine,
  screenPassword,
} from '../../src/host/hub/brokerCredentials';
import { makeTestCa, type TestCa } from './testCa';

/** The two brokers every fleet test runs against. */
export const BROKER_KINDS = ['aedes', 'mosquitto'] as const;
/** Which broker: the embedded one (aedes, in a process of its own here) or Eclipse Mosquitto. */
export type BrokerKind = (typeof BROKER_KINDS)[number];

/** A user name and password the broker accepts. */
export type BrokerLogin = Readonly<{ username: string; password: string }>;

/** The system Mosquitto the tests start (Debian package `mosquitto`). */
export const MOSQUITTO_BIN = process.env.MARQUEE_MOSQUITTO ?? '/usr/sbin/mosquitto';

/** What to start: which screens may log in (Mosquitto needs them in its password file up front). */
export type BrokerStartOptions = Readonly<{ screens?: readonly string[] }>;

/** A broker on loopback, with its logins and the faults a test can inflict on it. */
export type TestBroker = Readonly<{
  kind: BrokerKind;
  /** `mqtt://127.0.0.1:<port>`. */
  url: string;
  /** `mqtts://127.0.0.1:<port>`, its certificate signed by `ca`. */
  tlsUrl: string;
  /** `ws://127.0.0.1:<port>/mqtt` (aedes) or `ws://127.0.0.1:<port>` (Mosquitto). */
  wsUrl: string;
  ca: TestCa;
  /** The broker's folder (credentials, config, password file). */
  dir: string;
  credentials: BrokerCredentials;
  staff: BrokerLogin;
  screen(name: string): BrokerLogin;
  /** Whether its process is running (false after `kill` or `stop`, true again after `start`). */
  running(): boolean;
  /** Sends `signal` (default SIGKILL) and waits until the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGSTOP: the process freezes with its connections open (a half-open broker). */
  pause(): void;
  /** SIGCONT after `pause`. */
  resume(): void;
  /** Starts it again on the same ports with the same logins (after `kill`). */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  cleanup(): Promise<void>;
}>;

/** The screens a test broker accepts when the test names none. */
export const DEFAULT_TEST_SCREENS: readonly string[] = ['lobby', 'hall-a-door', 'booth-1', 'booth-2'];

const AEDES_CHILD = fileURLToPath(new URL('./aedesBrokerChild.ts', import.meta.url));
const SHIPPED_CONFIG = fileURLToPath(new URL('../../packaging/mosquitto/marquee.conf', import.meta.url));
const SHIPPED_ACL = fileURLToPath(new URL('../../packaging/mosquitto/acl', import.meta.url));

/** Starts a broker of `kind` on free loopback ports with the fleet's logins and ACL. */
export async function startTestBroker(
  kind: BrokerKind,
  options: BrokerStartOptions = {},
): Promise<TestBroker> {
  const dir = mkdtempSync(join(tmpdir(), `marquee-${kind}-`));
  const ca = makeTestCa(dir);
  const credentials = loadOrCreateBrokerCredentials(dir);
  const ports = {
    mqtt: await freePort(),
    mqtts: await freePort(),
    ws: await freePort(),
    wss: await freePort(),
  };
  const screens = options.screens ?? DEFAULT_TEST_SCREENS;
  const command =
    kind === 'aedes' ? aedesCommand(dir, ports, ca) : mosquittoCommand(dir, ports, credentials, screens);
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const start = async (): Promise<void> => {
    if (child !== null) throw new Error(`the ${kind} test broker is already running`);
    const proc = spawn(command.file, command.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child = proc;
    exited = new Promise<void>((resolve) =>
      proc.once('exit', () => {
        if (child === proc) child = null;
        resolve();
      }),
    );
    await waitForPort(ports.mqtt, () => (child === proc ? null : `the ${kind} broker exited: ${output}`));
  };
  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    const proc = child;
    if (proc === null) return;
    proc.kill('SIGCONT');
    proc.kill(signal);
    await exited;
  };
  await start();
  return {
    kind,
    url: `mqtt://127.0.0.1:${ports.mqtt}`,
    tlsUrl: `mqtts://127.0.0.1:${ports.mqtts}`,
    wsUrl: kind === 'aedes' ? `ws://127.0.0.1:${ports.ws}/mqtt` : `ws://127.0.0.1:${ports.ws}`,
    ca,
    dir,
    credentials,
    staff: credentials.staff,
    screen: (name) => ({ username: name, password: screenPassword(credentials, name) }),
    running: () => child !== null,
    kill,
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    start,
    cleanup: async () => {
      await kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Ports = Readonly<{ mqtt: number; mqtts: number; ws: number; wss: number }>;
type Command = Readonly<{ file: string; args: readonly string[] }>;

function aedesCommand(dir: string, ports: Ports, ca: TestCa): Command {
  const args = {
    dir,
    port: ports.mqtt,
    tlsPort: ports.mqtts,
    wsPort: ports.ws,
    certFile: ca.certFile,
    keyFile: ca.keyFile,
  };
  return { file: process.execPath, args: ['--import', 'tsx', AEDES_CHILD, JSON.stringify(args)] };
}

/**
 * Mosquitto with the shipped `packaging/mosquitto/marquee.conf` and `acl`, changed only where a test
 * must: its files in `dir`, loopback on free ports, no persistence, and root kept when run as root.
 */
function mosquittoCommand(
  dir: string,
  ports: Ports,
  credentials: BrokerCredentials,
  screens: readonly string[],
): Command {
  const conf = renderMosquittoConfig(readFileSync(SHIPPED_CONFIG, 'utf8'), dir, ports);
  writeFileSync(join(dir, 'mosquitto.conf'), conf);
  writeFileSync(join(dir, 'acl'), readFileSync(SHIPPED_ACL, 'utf8'));
  const lines = [
    mosquittoPasswordLine(credentials.staff.username, credentials.staff.password),
    ...screens.map((s) => mosquittoPasswordLine(s, screenPassword(credentials, s))),
  ];
  writeFileSync(join(dir, 'passwd'), `${lines.join('\n')}\n`, { mode: 0o600 });
  return { file: MOSQUITTO_BIN, args: ['-c', join(dir, 'mosquitto.conf')] };
}

/** The shipped Mosquitto configuration with its folder, ports and run-as user adapted for a test. */
export function renderMosquittoConfig(shipped: string, dir: string, ports: Ports): string {
  const listeners: Record<string, number> = {
    '1883': ports.mqtt,
    '8883': ports.mqtts,
    '9001': ports.ws,
    '9443': ports.wss,
  };
  const body = shipped
    .replaceAll('/etc/mosquitto/marquee/', `${dir}/`)
    .replace(/^listener (\d+)$/gm, (line, port: string) => {
      const chosen = listeners[port];
      if (chosen === undefined)
        throw new Error(`marquee.conf: unexpected "${line}"; the test knows 1883, 8883, 9001, 9443`);
      return `listener ${chosen} 127.0.0.1`;
    });
  const runAs = process.getuid?.() === 0 ? 'user root\n' : '';
  return `${runAs}persistence false\nlog_dest stderr\nlog_type error\nlog_type warning\n${body}`;
}

/** A port nobody listens on now (the kernel's pick, released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, failed: () => string | null, limitMs = 10_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const reason = failed();
    if (reason !== null) throw new Error(reason);
    if (await accepts(port)) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
