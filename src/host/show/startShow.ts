import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Health } from '../../core/channels/healthContract';
import { type AgendaFeed, startAgendaFeed } from '../agenda/agendaFeed';
import { assetCacheDir } from '../cache/assetCache';
import { type OfflineAssets, startOfflineAssets } from '../cache/offlineAssets';
import type { Clock } from '../clock';
import type { MarqueeConfig } from '../config/configSchema';
import { type ControlService, startControl } from '../control/startControl';
import { cacheFigures } from '../health/cacheFigures';
import type { ServeTiming } from '../health/clockSpeed';
import { createShowMonitor, type ShowMonitor, type ShowMonitorOptions } from '../health/showMonitor';
import type { PlayerHost } from '../PlayerHost';
import type { ScreenIdentity } from '../kiosk/displayScreens';
import type { PlatformPaths } from '../paths';
import type { ImpressionSinkHandle } from '../proof/impressionLog';
import { NOT_SEEN_YET, type ScreenCapture } from '../screen/screenCapture';
import { type Disposer, Lifetime } from './lifetime';
import { SHOW_PARTS } from './showParts';
import { ownScreen, type ShowScreen, startScreens } from './showScreens';

/** Options of `startShow`: what differs between the shells besides their transport. */
export type StartShowOptions = Readonly<{
  paths: PlatformPaths;
  logger: Logger;
  /** The host's clock and watchdog limit (`serveTimingFromEnv`). */
  timing: ServeTiming;
  /** Marquee's root (dist/ lives there): the web remote is served when dist/remote is built. */
  appRoot: string;
  /** URL prefix of the playlist's folder as the renderer sees it. Default "/media/" (browser mode). */
  assetBase?: string;
  /** Default: read from package.json. */
  version?: string;
  /** Electron only: the displays and GPU section of health, read each time health is asked for. */
  electron?: ShowMonitorOptions['electron'];
  /** Where remote control prints its URL, token and QR code. Default stdout. */
  out?: { write(text: string): unknown };
  /** Told when a part the show can live without (remote control, offline cache, a shared part) failed to start. */
  onPartOff?: (part: string, message: string) => void;
  /** The parts both shells run after the core ones; default `SHOW_PARTS`. */
  parts?: readonly ShowPart[];
  /** The screens to run, the main one first (the kiosk's `displays` plan); default the machine's own screen. */
  screens?: readonly ScreenIdentity[];
}>;

/** The running show of this machine's screens, the same in both shells; `dispose()` closes every part, last created first. */
export type Show = Readonly<{
  config: MarqueeConfig;
  paths: PlatformPaths;
  logger: Logger;
  clock: Clock;
  /** The main screen's player (the first of `screens`); parts listen to it (`onView`, `onDispatch`, `onStatus`), none wraps it. */
  host: PlayerHost;
  /**
   * Every screen of the show, the main one first: one unless the kiosk gives displays their own screens
   * (`displays`); each has its own player, proof of play and fleet identity.
   */
  screens: readonly [ShowScreen, ...ShowScreen[]];
  /** Counts acknowledgements and reloads silent renderers once a transport `attach`es to it. */
  monitor: ShowMonitor;
  health: () => Health;
  /** Adds a section to every health answer (a part's own figures); returns its removal. */
  addHealthStage(stage: HealthStage): () => void;
  /** The audited control path (socket, LAN API, keys); null when it could not start. */
  control: ControlService | null;
  /** The offline cache of https assets; null when it could not be opened. */
  offline: OfflineAssets | null;
  proof: ImpressionSinkHandle;
  /** How the host sees what its displays really show (screenshots, the pixel watchdog); the shell says it. */
  screenCapture(): ScreenCapture;
  /** The shell says how it sees its displays, once its transport runs (or that it cannot, and why). */
  setScreenCapture(capture: ScreenCapture): void;
  /** Starts `part` now; its disposer joins the show's lifetime. Throws what the part's `start` throws. */
  plug(part: ShowPart): Promise<void>;
  /** Adds a disposer to the show's lifetime (for a shell's own resources). */
  own(name: string, dispose: Disposer): void;
  dispose(): Promise<void>;
}>;

/** A step that adds a part's section to the health answer. */
export type HealthStage = (health: Health) => Health;

/** A part that plugs into the show: started with the running show, it returns what closes it. */
export type ShowPart = Readonly<{
  /** Named in logs and in `onPartOff`. */
  name: string;
  start(show: Show): Promise<Disposer | null> | Disposer | null;
}>;

/**
 * Starts the show: one player with its proof of play per screen, the offline cache (as a view stage), the monitor,
 * remote control, then the shared parts. Throws `PlaylistStartError` when the playlist cannot play
 * (having closed what it had started). The shell then plugs in its transport (HTTP server or kiosk windows).
 */
export async function startShow(config: MarqueeConfig, options: StartShowOptions): Promise<Show> {
  const { paths, logger } = options;
  const { clock, limits } = options.timing;
  const lifetime = new Lifetime((obj, msg) => logger.error(obj, msg));
  const partOff = (part: string, err: unknown): void => {
    const message = err instanceof Error ? err.message : String(err);
    logger.error({ part, err: message }, `${part} could not start; the show runs without it`);
    options.onPartOff?.(part, message);
  };

  let screens: readonly [ShowScreen, ...ShowScreen[]];
  try {
    screens = await startScreens(options.screens ?? ownScreen(config), {
      config,
      paths,
      logger,
      clock,
      lifetime,
      ...(options.assetBase === undefined ? {} : { assetBase: options.assetBase }),
    });
  } catch (err) {
    await lifetime.dispose();
    throw err;
  }
  const player = screens[0].host;
  const proof = screens[0].proof;
  if (options.timing.speed !== 1)
    logger.warn({ speed: options.timing.speed }, 'the clock runs fast (tests only)');

  let offline: OfflineAssets | null = null;
  try {
    const assets = await startOfflineAssets({
      dir: assetCacheDir(paths.cache),
      log: logger,
      policy: { allowedNetworks: config.allowedAssetNetworks },
    });
    // Why: every screen plays the same playlist file, so following the first prefetches for all of them.
    assets.follow(player);
    lifetime.add('offline cache', assets.stop);
    for (const s of screens)
      lifetime.add(`offline view stage (${s.name})`, s.host.addViewStage(assets.rewrite));
    offline = assets;
  } catch (err) {
    // Why: the show matters more than the cache; remote assets are then loaded from the network.
    partOff('the offline asset cache', err);
  }

  let agenda: AgendaFeed | null = null;
  for (const s of screens) {
    try {
      const feed = await startAgendaFeed({
        host: s.host,
        clock,
        log: logger,
        stateDir: paths.state,
        policy: { allowedNetworks: config.allowedAssetNetworks },
      });
      lifetime.add(`agenda feed (${s.name})`, feed.stop);
      lifetime.add(`agenda view stage (${s.name})`, s.host.addViewStage(feed.stage));
      agenda ??= feed;
    } catch (err) {
      partOff(`the live agenda (${s.name})`, err);
    }
  }

  const cache = offline;
  const liveAgenda = agenda;
  const monitor = createShowMonitor({
    host: player,
    clock,
    log: logger,
    limits,
    proof: () => proof.stats(),
    ...(liveAgenda === null ? {} : { agenda: () => liveAgenda.health() }),
    ...(cache === null
      ? {}
      : { cache: () => cacheFigures(cache.cache, player.playlist, cache.failedFetches()) }),
    ...(options.version === undefined ? {} : { version: options.version }),
    ...(options.electron === undefined ? {} : { electron: options.electron }),
  });
  lifetime.add('show monitor', monitor.stop);
  // Why: parts that start later (a wall, the fleet link) add their own section to health, as view stages do to views.
  const healthStages: HealthStage[] = [];
  // Why: health is the machine's (the main screen's monitor), but it names every screen the machine plays.
  if (screens.length > 1) healthStages.push((h) => ({ ...h, screens: screens.map((s) => s.name) }));
  const health = (): Health => healthStages.reduce((h, stage) => stage(h), monitor.health());

  let capture: ScreenCapture = NOT_SEEN_YET;
  const screenCapture = (): ScreenCapture => capture;

  let control: ControlService | null = null;
  try {
    const remoteDir = join(options.appRoot, 'dist', 'remote');
    control = await startControl({
      screens: screens.map((s) => ({ name: s.name, host: s.host })),
      socketPath: config.controlSocket,
      listen: config.controlListen,
      tls: config.controlTls,
      token: config.controlToken,
      configDir: paths.config,
      logDir: paths.logs,
      remoteDir: existsSync(join(remoteDir, 'index.html')) ? remoteDir : null,
      keyboard: config.keyboard,
      health,
      allowedHosts: config.allowedHosts,
      capture: screenCapture,
      screenshotsPerMinute: config.screenshotsPerMinute,
      ...(options.out === undefined ? {} : { out: options.out }),
    });
    const running = control;
    lifetime.add('remote control', () => running.close());
  } catch (err) {
    // Why: the show matters more than remote control; a busy socket or port must not keep the screen dark.
    partOff('remote control', err);
  }

  const show: Show = {
    config,
    paths,
    logger,
    clock,
    host: player,
    screens,
    monitor,
    health,
    addHealthStage(stage) {
      healthStages.push(stage);
      return () => {
        const at = healthStages.indexOf(stage);
        if (at >= 0) healthStages.splice(at, 1);
      };
    },
    control,
    offline,
    proof,
    screenCapture,
    setScreenCapture(next) {
      capture = next;
    },
    async plug(part) {
      const dispose = await part.start(show);
      if (dispose !== null) lifetime.add(part.name, dispose);
    },
    own: (name, dispose) => lifetime.add(name, dispose),
    dispose: () => lifetime.dispose(),
  };
  for (const part of options.parts ?? SHOW_PARTS) {
    try {
      await show.plug(part);
    } catch (err) {
      partOff(part.name, err);
    }
  }
  return show;
}
