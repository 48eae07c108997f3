// The Electron kiosk shell: wiring only. Every decision is a tested plain function in src/host/kiosk and src/host/config.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { app, globalShortcut, Menu, powerSaveBlocker, screen, session } from 'electron';
import type { Logger } from 'pino';
import { parseKioskArgs } from '../src/host/config/configFlags';
import { bundledPlaylistPath, loadConfigSync } from '../src/host/config/loadConfig';
import type { MarqueeConfig } from '../src/host/config/configSchema';
import { type ControlService, startControl } from '../src/host/control/startControl';
import { serveTimingFromEnv } from '../src/host/health/clockSpeed';
import { createShowMonitor } from '../src/host/health/showMonitor';
import { isAllowedNavigation } from '../src/host/kiosk/appOrigin';
import { MEDIA_BASE } from '../src/host/kiosk/appOrigin';
import { isPermissionAllowed, shellPolicy } from '../src/host/kiosk/shellPolicy';
import { windowBackground } from '../src/host/kiosk/windowOptions';
import { createHostLogger } from '../src/host/log/hostLogger';
import { PlayerHost, PlaylistStartError } from '../src/host/PlayerHost';
import { platformPaths } from '../src/host/paths';
import { createImpressionSink, proofOfPlayDir } from '../src/host/proof/impressionLog';
import { handleAppScheme, registerAppScheme } from './appProtocol';
import { bridgeRendererIpc } from './ipcBridge';
import { KioskWindows } from './kioskWindows';
import { watchProcesses } from './processWatch';
import { startShellOffline } from './shellOffline';
import { shellHealth } from './shellHealth';

/** Exit code for a configuration or playlist a person must fix (systemd then stops retrying quickly). */
const EXIT_FIX_CONFIG = 2;

// Why: the app root is two folders up from dist/electron/main.cjs, inside app.asar when packaged.
const appRoot = resolve(__dirname, '..', '..');
const paths = platformPaths();

registerAppScheme();

const config = readConfig();
if (config !== null && !config.hardwareAcceleration) app.disableHardwareAcceleration();

if (config === null) {
  app.exit(EXIT_FIX_CONFIG);
} else if (!app.requestSingleInstanceLock()) {
  process.stderr.write('Marquee is already running on this machine; this second start does nothing.\n');
  app.exit(0);
} else {
  app.whenReady().then(
    () => run(config),
    (err: unknown) => fail(`Electron did not start: ${String(err)}`),
  );
}

function readConfig(): MarqueeConfig | null {
  let typed: ReturnType<typeof parseKioskArgs>;
  try {
    typed = parseKioskArgs(process.argv.slice(1));
  } catch (err) {
    process.stderr.write(`marquee: ${err instanceof Error ? err.message : String(err)}\n`);
    return null;
  }
  const result = loadConfigSync({
    flags: typed.flags,
    configFlag: typed.configFlag,
    env: process.env,
    cwd: process.cwd(),
    configDir: paths.config,
    bundledPlaylist: bundledPlaylistPath({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appRoot,
    }),
  });
  if (result.ok) return result.config;
  process.stderr.write(
    `marquee: the configuration has problems:\n${result.problems.map((p) => `  ${p}`).join('\n')}\n`,
  );
  return null;
}

async function run(config: MarqueeConfig): Promise<void> {
  const { logger } = createHostLogger({ dir: paths.logs, level: config.logLevel });
  const policy = shellPolicy({ isPackaged: app.isPackaged, windowed: config.windowed });
  lockDownSessions(logger);
  Menu.setApplicationMenu(null);
  powerSaveBlocker.start('prevent-display-sleep');
  // Why: the same MARQUEE_WATCHDOG_MS (and, for tests only, MARQUEE_CLOCK_SPEED) as marquee serve.
  const timing = serveTimingFromEnv(process.env);
  if (!timing.ok) {
    fail(timing.message);
    return;
  }
  const { clock, limits } = timing.timing;

  let host: PlayerHost;
  const proof = createImpressionSink({
    dir: proofOfPlayDir(paths.state),
    screen: config.screen,
    playlistLookup: () => host?.playlist ?? null,
    log: logger,
  });
  try {
    host = await PlayerHost.start({
      playlistFile: config.playlist,
      screen: config.screen,
      stateDir: paths.state,
      logger,
      clock,
      keyboard: config.keyboard,
      assetBase: MEDIA_BASE,
      onPlayed: (impression) => proof(impression),
    });
  } catch (err) {
    const lines = err instanceof PlaylistStartError ? err.messages : [String(err)];
    logger.fatal({ playlist: config.playlist, problems: lines }, 'cannot start the show');
    fail(`cannot start: the playlist ${config.playlist} has problems:\n  ${lines.join('\n  ')}`);
    return;
  }

  const rendererRoot = join(appRoot, 'dist', 'renderer');
  if (!existsSync(join(rendererRoot, 'index.html'))) {
    fail(`the renderer is not built (${rendererRoot}/index.html is missing); run: npm run build`);
    return;
  }
  const offline = await startShellOffline(host, paths.cache, logger, config.allowedAssetNetworks);
  handleAppScheme(
    () => ({ renderer: rendererRoot, media: host.playlistDir }),
    offline?.cachedFile ?? (async () => null),
  );

  const monitor = createShowMonitor({
    host,
    clock,
    log: logger,
    limits,
    version: app.getVersion(),
    proof: () => proof.stats(),
    ...(offline === null ? {} : { cache: offline.figures, rewriteView: offline.rewrite }),
    // Why: read only when health is asked for, which the control server below answers after `windows` exists.
    electron: () =>
      shellHealth(screen.getAllDisplays(), windows.displayIds(), config.screen, app.getGPUFeatureStatus()),
  });
  const windows = new KioskWindows({
    selection: config.display,
    windowed: config.windowed,
    policy,
    preloadPath: join(__dirname, 'preload.cjs'),
    backgroundColor: windowBackground(host.playlist.theme),
    logger,
    currentView: () => monitor.host.getView(),
    onProblem: monitor.recordError,
  });
  monitor.attach({
    connected: () => windows.connected(),
    reload: () => windows.reloadNow('no slide acknowledged within the watchdog limit'),
  });

  const control = await startControlOrNot(config, host, monitor.health, logger);
  bridgeRendererIpc({ host: monitor.host, logger, keyboard: config.keyboard, onKey: control?.onKey ?? null });
  monitor.host.onView((view) => windows.broadcast(view));
  windows.sync();
  for (const event of ['display-added', 'display-removed', 'display-metrics-changed'] as const) {
    screen.on(event as 'display-added', () => {
      logger.info({ event }, 'the displays changed');
      windows.sync();
    });
  }

  watchProcesses({
    logger,
    hardwareAcceleration: config.hardwareAcceleration,
    recordError: monitor.recordError,
    reloadPages: (reason) => windows.reloadAll(reason),
  });
  app.on('second-instance', () => windows.first()?.focus());
  // Why: a kiosk whose last display was unplugged keeps running and opens a window when one comes back.
  app.on('window-all-closed', () => undefined);

  if (!globalShortcut.register(config.exitChord, () => app.quit())) {
    logger.warn(
      { chord: config.exitChord },
      'the exit chord is taken by another program; quit with the control channel',
    );
  }
  logger.info({ chord: config.exitChord }, `Marquee kiosk running; press ${config.exitChord} to quit`);

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    globalShortcut.unregisterAll();
    monitor.stop();
    offline?.stop();
    windows.closeAll();
    void Promise.allSettled([host.stop(), control?.close()])
      .then(() => proof.flush())
      .then(() => app.exit(0));
  });
}

/** Denies every permission and every navigation or new window outside app://renderer, for every page. */
function lockDownSessions(logger: Logger): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.info({ permission }, 'denied a permission request');
    callback(isPermissionAllowed(permission));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission) =>
    isPermissionAllowed(permission),
  );
  // Why: a second layer over the app:// response header, on every response the kiosk loads. It is written out so that
  // Electronegativity can check it; tests/electron/electronegativity.test.ts fails if it drifts from csp.ts.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'none'; script-src app://renderer/assets/; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; media-src 'self' blob: https:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
  app.on('web-contents-created', (_event, contents) => {
    const deny = (event: { preventDefault(): void }, url: string): void => {
      if (isAllowedNavigation(url)) return;
      event.preventDefault();
      logger.warn({ url }, 'blocked a navigation away from the kiosk');
    };
    contents.on('will-navigate', (event) => deny(event, event.url));
    contents.on('will-redirect', (event) => deny(event, event.url));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      logger.warn({ url }, 'blocked a new window');
      return { action: 'deny' };
    });
  });
}

async function startControlOrNot(
  config: MarqueeConfig,
  host: PlayerHost,
  health: () => object,
  logger: Logger,
): Promise<ControlService | null> {
  try {
    const remoteDir = join(appRoot, 'dist', 'remote');
    return await startControl({
      screens: [{ name: config.screen, host }],
      socketPath: config.controlSocket,
      listen: config.controlListen,
      token: config.controlToken,
      configDir: paths.config,
      logDir: paths.logs,
      remoteDir: existsSync(remoteDir) ? remoteDir : null,
      keyboard: config.keyboard,
      health,
    });
  } catch (err) {
    // Why: the show matters more than remote control; a busy socket or port must not keep the screen dark.
    logger.error({ err: String(err) }, 'remote control could not start; the show runs without it');
    return null;
  }
}

function fail(message: string): void {
  process.stderr.write(`marquee: ${message}\n`);
  app.exit(EXIT_FIX_CONFIG);
}
