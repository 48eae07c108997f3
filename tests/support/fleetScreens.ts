import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '../../src/host/clock';
import type { MarqueeConfig } from '../../src/host/config/configSchema';
import { fleetPartWith, type FleetTuning } from '../../src/host/fleet/fleetPart';
import { type BrowserTransport, startBrowserTransport } from '../../src/host/http/browserTransport';
import { screenPassword } from '../../src/host/hub/brokerCredentials';
import { type Hub, type HubOptions, startHub } from '../../src/host/hub/startHub';
import { type Show, startShow } from '../../src/host/show/startShow';
import type { BrokerLogin, TestBroker } from './brokers';
import { msUntil, type ScreenProcess, spawnFleetScreens } from './fleetHub';
import { noticePlaylist, numberedNotices } from './noticePlaylist';
import { RENDERER_DIST } from './rendererBuild';
import { showInFolder } from './showInFolder';

/** The timings fleet tests give their screens: quick keepalive and reconnects. */
export const QUICK_FLEET: FleetTuning = {
  keepaliveS: 2,
  reconnectMs: 200,
  maxReconnectMs: 1_000,
  connectTimeoutMs: 2_000,
  proofRetryMs: 500,
};

/** One real screen in a fleet: what it needs to start. */
export type FleetScreenOptions = Readonly<{
  /** The broker URL it joins (or a proxy in front of it). */
  url: string;
  login: BrokerLogin;
  groups: readonly string[];
  /** The screen's own folder (playlist, state, logs, control socket); made when missing. */
  dir: string;
  /** Slides s0 … s(n-1) of the notice playlist. Default 6. */
  slides?: number;
  /** Seconds each slide plays. Default 600 (nothing moves unless told to). */
  seconds?: number;
  /** false: every slide is disabled, so the player refuses Next and Previous (`nothing-eligible`). Default true. */
  slidesEnabled?: boolean;
  tuning?: FleetTuning;
  /**
   * `stand-in` (default): a renderer stand-in acknowledges every new slide at once, as a painted page would.
   * `browser`: the show is served over HTTP like `marquee serve`, for a real Chromium page to render.
   */
  renderer?: 'stand-in' | 'browser';
}>;

/** A slide a renderer acknowledged (`presented`), and when (epoch ms). */
export type Presented = Readonly<{ slide: string; seq: number; at: number }>;

/** A real screen (startShow with the player, control path and fleet link) joined to a fleet. */
export type FleetScreen = Readonly<{
  name: string;
  show: Show;
  /** Browser renderer only: the show's page. */
  url: string | null;
  /** Every acknowledged slide, in order. */
  presented: Presented[];
  /** Calls `listener` on every acknowledgement; returns the unsubscribe. */
  onPresented(listener: (p: Presented) => void): () => void;
  /** The slide on screen now (null: idle). */
  slide(): string | null;
  dispose(): Promise<void>;
}>;

/**
 * Starts one real screen as `marquee serve` does (startShow with the fleet link plugged in, its own playlist,
 * state and control socket), joined to the fleet at `url`. Acknowledgements are seen on the player itself,
 * so a stand-in and a Chromium page are measured alike.
 */
export async function startFleetScreen(options: FleetScreenOptions): Promise<FleetScreen> {
  const name = options.login.username;
  mkdirSync(options.dir, { recursive: true });
  const playlistFile = join(options.dir, 'playlist.json');
  const notices = numberedNotices(options.slides ?? 6);
  const playlist = noticePlaylist(notices, { duration: options.seconds ?? 600 });
  const enabled = options.slidesEnabled ?? true;
  const slides = enabled ? playlist.slides : playlist.slides.map((slide) => ({ ...slide, enabled: false }));
  writeFileSync(playlistFile, JSON.stringify({ ...playlist, slides }));
  const passwordFile = join(options.dir, 'fleet.pw');
  writeFileSync(passwordFile, `${options.login.password}\n`, { mode: 0o600 });
  const folder = showInFolder(options.dir, systemClock, 60_000);
  const config: MarqueeConfig = {
    ...folder.config,
    screen: name,
    groups: [...options.groups],
    fleet: { url: options.url, username: name, passwordFile, ca: null },
  };
  const show = await startShow(config, {
    ...folder.options,
    parts: [fleetPartWith(options.tuning ?? QUICK_FLEET)],
  });
  const presented: Presented[] = [];
  const listeners = new Set<(p: Presented) => void>();
  show.host.onDispatch((d) => {
    if (d.event.type !== 'presented' || !d.result.ok) return;
    const before = d.before.slot;
    const after = d.result.state.slot;
    if (after.kind !== 'slide' || !after.presented || (before.kind === 'slide' && before.presented)) return;
    const p = { slide: after.slideId, seq: after.seq, at: Date.now() };
    presented.push(p);
    for (const listener of listeners) listener(p);
  });
  let transport: BrowserTransport | null = null;
  if (options.renderer === 'browser') {
    transport = await startBrowserTransport(show, {
      rendererRoot: RENDERER_DIST,
      hostname: '127.0.0.1',
      port: 0,
    });
  } else {
    // Why: the stand-in answers like a renderer that paints at once: on the next turn, by seq.
    const acknowledge = (seq: number): void =>
      void setImmediate(() => show.host.dispatch({ type: 'presented', seq }, 'renderer'));
    let last = -1;
    const seen = (seq: number): void => {
      if (seq === last) return;
      last = seq;
      acknowledge(seq);
    };
    show.host.onView((view) => seen(view.seq));
    seen(show.host.getView().seq);
  }
  return {
    name,
    show,
    url: transport?.url ?? null,
    presented,
    onPresented(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    slide: () => {
      const slot = show.host.getState().slot;
      return slot.kind === 'slide' ? slot.slideId : null;
    },
    dispose: () => show.dispose(),
  };
}

/** A hub with its embedded broker, both on loopback port 0, and the broker login of any screen name on it. */
export type LoopbackHub = Readonly<{ hub: Hub; url: string; login: (name: string) => BrokerLogin }>;

/** Starts `marquee hub` with its embedded broker in `dir`, answering to `token`. */
export async function startLoopbackHub(dir: string, token: string): Promise<LoopbackHub> {
  const hub = await startHub({
    dir,
    listen: { host: '127.0.0.1', port: 0 },
    mqttListen: [{ host: '127.0.0.1', port: 0 }],
    broker: null,
    token,
    fleetRemoteDir: null,
  });
  const credentials = hub.credentials;
  const url = hub.brokerUrls[0];
  if (credentials === null || url === undefined) {
    await hub.dispose();
    throw new Error('the embedded broker did not start');
  }
  return { hub, url, login: (name) => ({ username: name, password: screenPassword(credentials, name) }) };
}

/** Starts `marquee hub` in `dir` on loopback port 0 with `broker` (no embedded one) and its staff login; `extra` adds keepalive, reply wait or the fleet remote. */
export function startHubOn(
  broker: TestBroker,
  dir: string,
  token: string,
  extra: Partial<HubOptions> = {},
): Promise<Hub> {
  return startHub({
    dir,
    listen: { host: '127.0.0.1', port: 0 },
    mqttListen: [],
    broker: { url: broker.url, ...broker.staff },
    token,
    fleetRemoteDir: null,
    ...extra,
  });
}

/** Many real screens joining `fleet`, split evenly over `processes` child processes (folders dir/screens-<p>). */
export function spawnScreensOver(
  processes: number,
  fleet: LoopbackHub,
  args: Readonly<{
    dir: string;
    tuning: FleetTuning;
    screens: readonly Readonly<{ name: string; groups: readonly string[] }>[];
  }>,
  onPresented: (p: { screen: string; slide: string; seq: number; at: number }) => void,
): ScreenProcess[] {
  const per = Math.ceil(args.screens.length / processes);
  return Array.from({ length: processes }, (_, p) =>
    spawnFleetScreens(
      {
        url: fleet.url,
        dir: join(args.dir, `screens-${p}`),
        tuning: args.tuning,
        screens: args.screens
          .slice(p * per, (p + 1) * per)
          .map((s) => ({ login: fleet.login(s.name), groups: s.groups })),
      },
      onPresented,
    ),
  );
}

/** Resolves once every one of `names` is online in the hub's own snapshot; rejects after `limitMs`. */
export function allOnline(hub: Hub, names: readonly string[], limitMs: number): Promise<number> {
  return msUntil(
    () => names.filter((n) => hub.link.snapshot().screens.find((r) => r.screen === n)?.state !== 'online'),
    (missing) => missing.length === 0,
    limitMs,
  );
}
