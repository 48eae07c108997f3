import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  fleetTopics,
  type OnlineStatus,
  parseFleetPayload,
  ScreenStatus,
} from '../../src/core/channels/fleetContract';
import type { Playlist } from '../../src/core/playlist/types';
import { screenPassword } from '../../src/host/hub/brokerCredentials';
import { type Hub, startHub } from '../../src/host/hub/startHub';
import { freePort, type ServeProcess, startServe } from '../e2e/serveProcess';
import { launchChromium, type LaunchedChromium } from './chromium';
import { ensureCliBuilt } from './cliBuild';
import { connectTestClient, type TestClient } from './mqttClients';
import { ensureRendererBuilt } from './rendererBuild';
import { startTcpProxy, type TcpProxy } from './tcpProxy';

/**
 * A synchronized wall on one machine, for the wall tests and `npm run bench -- wall`: the real hub (embedded
 * broker) in this process, one `marquee serve` per screen with its own injected clock offset
 * (MARQUEE_CLOCK_OFFSET_MS), a TCP proxy between the screens and the broker (so a test can cut the bus), one
 * headless Chromium with a page per screen, and a staff MQTT client that keeps every status the screens publish.
 */

/** One screen of the wall. */
export type WallScreen = Readonly<{
  name: string;
  column: number;
  row: number;
  /** Its injected clock offset: the truth its fleet time estimate should find (as −offsetMs). */
  offsetMs: number;
  serve: ServeProcess;
  page: Page;
  /** Its local control socket (`marquee ctl`). */
  controlSocket: string;
}>;

/** One change of the wall's slide as the members painted it: fleet time of each member's first frame. */
export type WallChange = Readonly<{
  slideId: string;
  plannedAt: number;
  shownAt: Readonly<Record<string, number>>;
  /** Frames each page missed just before its flip (a busy machine); 0 everywhere: on time. */
  missedFrames: Readonly<Record<string, number>>;
}>;

export type WallHarnessOptions = Readonly<{
  /** One injected clock offset (ms) per screen, left to right; e.g. [-150, 0, 200]. */
  offsets: readonly number[];
  /** The playlist every member plays (each member gets the same file). */
  playlist: Playlist;
  /** The wall's name (default "lobby"). */
  wall?: string;
  /** Rows of the wall (default 1); screens fill it row by row. */
  rows?: number;
  /** Each page's size (default 480×270: small, the machine is shared). */
  viewport?: Readonly<{ width: number; height: number }>;
  /** Extra environment for every `marquee serve`. */
  env?: Readonly<Record<string, string>>;
}>;

export type WallHarness = Readonly<{
  hub: Hub;
  proxy: TcpProxy;
  staff: TestClient;
  chromium: LaunchedChromium;
  screens: readonly WallScreen[];
  wall: string;
  /** The last status each screen published (online), by screen name. */
  latest(): ReadonlyMap<string, OnlineStatus>;
  /** Every change painted by all the screens (by `plannedAt`), oldest first; `since`: planned at or after. */
  changes(since?: number): readonly WallChange[];
  /** Resolves when every screen reports fleet time measured over the bus with an error bound ≤ `maxErrorMs`. */
  converged(maxErrorMs?: number, limitMs?: number): Promise<void>;
  /** Waits until `count` changes planned at or after `since` were painted by every screen. */
  waitForChanges(count: number, since: number, limitMs: number): Promise<readonly WallChange[]>;
  /** The hub's clock: fleet time. */
  fleetNow(): number;
  /**
   * Also reads each screen's `/api/health` every `everyMs` for the changes it painted (while the bus is cut the
   * statuses cannot come); returns the stop.
   */
  watchHealth(everyMs?: number): () => Promise<void>;
  /** Sends a protocol v1 command to a screen's local control socket; resolves with its reply. */
  local(screen: string, command: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}>;

/** Whether no page missed a frame at this change (so its spread is the synchronisation's, not the machine's). */
export function onTime(change: WallChange): boolean {
  return Object.values(change.missedFrames).every((n) => n === 0);
}

/** The most frames any page missed at this change. */
export function mostMissed(change: WallChange): number {
  return Math.max(0, ...Object.values(change.missedFrames));
}

/** The largest pairwise difference of a change's `shownAt` values, ms. */
export function spreadOf(change: WallChange): number {
  const values = Object.values(change.shownAt);
  return Math.max(...values) - Math.min(...values);
}

/** Starts the wall; `stop()` closes everything it started, whatever failed half way. */
export async function startWallHarness(options: WallHarnessOptions): Promise<WallHarness> {
  ensureCliBuilt();
  ensureRendererBuilt();
  const wall = options.wall ?? 'lobby';
  const rows = options.rows ?? 1;
  const columns = Math.ceil(options.offsets.length / rows);
  const dir = mkdtempSync(join(tmpdir(), 'marquee-wall-'));
  const cleanups: (() => Promise<unknown>)[] = [];
  const stop = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const hub = await startHub({
      dir: join(dir, 'hub'),
      listen: { host: '127.0.0.1', port: 0 },
      mqttListen: [{ host: '127.0.0.1', port: 0 }],
      broker: null,
      token: 'wall-harness-token-0123456789',
      fleetRemoteDir: null,
      replyWaitMs: 3_000,
    });
    cleanups.push(() => hub.dispose());
    const credentials = hub.credentials;
    const brokerUrl = hub.brokerUrls[0];
    if (credentials === null || brokerUrl === undefined) throw new Error('the hub started no broker');
    const brokerPort = Number(new URL(brokerUrl).port);
    const proxy = await startTcpProxy(brokerPort);
    cleanups.push(() => proxy.close());

    const statuses = new Map<string, OnlineStatus>();
    type Seen = { slideId: string; shownAt: Record<string, number>; missedFrames: Record<string, number> };
    const shown = new Map<number, Seen>();
    const record = (
      screen: string,
      change: { slideId: string; plannedAt: number; shownAt: number; missedFrames: number },
    ): void => {
      const entry = shown.get(change.plannedAt) ?? { slideId: change.slideId, shownAt: {}, missedFrames: {} };
      entry.shownAt[screen] = change.shownAt;
      entry.missedFrames[screen] = change.missedFrames;
      shown.set(change.plannedAt, entry);
    };
    const staff = await connectTestClient(brokerUrl.replace('0.0.0.0', '127.0.0.1'), credentials.staff);
    cleanups.push(() => staff.end());
    staff.client.on('message', (topic, payload) => {
      const parsed = parseFleetPayload(ScreenStatus, topic, payload.toString('utf8'));
      if (!parsed.ok || !parsed.value.online) return;
      const status = parsed.value;
      statuses.set(status.screen, status);
      if (status.wall?.shown) record(status.screen, status.wall.shown);
    });
    await staff.client.subscribeAsync(fleetTopics.status('+'), { qos: 1 });

    const playlistFile = join(dir, 'playlist.json');
    writeFileSync(playlistFile, JSON.stringify(options.playlist));
    const chromium = await launchChromium();
    cleanups.push(() => chromium.cleanup());
    const screens: WallScreen[] = [];
    const sockets = new Map<string, string>();
    for (const [i, offsetMs] of options.offsets.entries()) {
      const name = `${wall}-${i}`;
      const column = i % columns;
      const row = Math.floor(i / columns);
      const home = join(dir, name);
      const passwordFile = join(dir, `${name}.password`);
      const controlSocket = join(dir, `${name}.sock`);
      sockets.set(name, controlSocket);
      writeFileSync(passwordFile, screenPassword(credentials, name), { mode: 0o600 });
      const serve = await startServe(
        [
          '--playlist',
          playlistFile,
          '--port',
          String(await freePort()),
          '--screen',
          name,
          '--control-socket',
          controlSocket,
          '--fleet-url',
          `mqtt://127.0.0.1:${proxy.port}`,
          '--fleet-username',
          name,
          '--fleet-password-file',
          passwordFile,
          '--wall',
          JSON.stringify({ name: wall, columns, rows, column, row }),
        ],
        home,
        60_000,
        { MARQUEE_CLOCK_OFFSET_MS: String(offsetMs), ...options.env },
      );
      cleanups.push(() => serve.stop());
      const page = await chromium.browser.newPage({
        viewport: options.viewport ?? { width: 480, height: 270 },
      });
      await page.goto(serve.url);
      screens.push({ name, column, row, offsetMs, serve, page, controlSocket });
    }

    const changes = (since = Number.NEGATIVE_INFINITY): readonly WallChange[] =>
      [...shown]
        .filter(([plannedAt, c]) => plannedAt >= since && Object.keys(c.shownAt).length === screens.length)
        .sort((a, b) => a[0] - b[0])
        .map(([plannedAt, c]) => ({
          slideId: c.slideId,
          plannedAt,
          shownAt: { ...c.shownAt },
          missedFrames: { ...c.missedFrames },
        }));
    const until = async (ok: () => boolean, limitMs: number, what: () => string): Promise<void> => {
      const deadline = Date.now() + limitMs;
      while (!ok()) {
        if (Date.now() > deadline) throw new Error(`the wall: ${what()} (waited ${limitMs} ms)`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    return {
      hub,
      proxy,
      staff,
      chromium,
      screens,
      wall,
      latest: () => statuses,
      changes,
      converged: (maxErrorMs = Number.POSITIVE_INFINITY, limitMs = 45_000) =>
        until(
          () =>
            screens.every((s) => {
              const fleetTime = statuses.get(s.name)?.wall?.fleetTime;
              return (
                fleetTime?.source === 'bus' && (fleetTime.errorMs ?? Number.POSITIVE_INFINITY) <= maxErrorMs
              );
            }),
          limitMs,
          () =>
            `not every screen measured fleet time: ${JSON.stringify(screens.map((s) => statuses.get(s.name)?.wall?.fleetTime ?? null))}`,
        ),
      async waitForChanges(count, since, limitMs) {
        await until(
          () => changes(since).length >= count,
          limitMs,
          () => `${changes(since).length} of ${count} changes painted by every screen`,
        );
        return changes(since);
      },
      fleetNow: () => Date.now(),
      watchHealth(everyMs = 200) {
        let running = true;
        const loops = screens.map(async (screen) => {
          const url = new URL('/api/health', screen.serve.url).href;
          while (running) {
            try {
              const health = (await (await fetch(url)).json()) as {
                wall?: {
                  shown: { slideId: string; plannedAt: number; shownAt: number; missedFrames: number } | null;
                };
              };
              if (health.wall?.shown) record(screen.name, health.wall.shown);
            } catch {
              // A busy screen: read it next time.
            }
            await new Promise((r) => setTimeout(r, everyMs));
          }
        });
        return async () => {
          running = false;
          await Promise.all(loops);
        };
      },
      local: (screen, command) =>
        new Promise((resolve, reject) => {
          const path = sockets.get(screen);
          if (path === undefined) return reject(new Error(`no screen ${screen} in the wall`));
          const socket = createConnection(path);
          let text = '';
          socket.on('data', (d: Buffer) => {
            text += d.toString('utf8');
            const line = text.split('\n')[0];
            if (text.includes('\n') && line !== undefined) {
              socket.end();
              resolve(JSON.parse(line) as Record<string, unknown>);
            }
          });
          socket.on('error', reject);
          socket.write(`${JSON.stringify(command)}\n`);
        }),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
