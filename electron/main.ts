// The Electron kiosk shell: wiring only. Every decision is a tested plain function in src/host/kiosk and src/host/config.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { app, globalShortcut, Menu, powerSaveBlocker, screen, session } from 'electron';
import type { Logger } from 'pino';
import { parseKioskArgs } from '../src/host/config/configFlags';
import { bundledPlaylistPath, loadConfigSync } from '../src/host/config/loadConfig';
import type { MarqueeConfig } from '../src/host/config/configSchema';
import { serveTimingFromEnv } from '../src/host/health/clockSpeed';
import { isAllowedNavigation, MEDIA_BASE } from '../src/host/kiosk/appOrigin';
import { isPermissionAllowed, shellPolicy } from '../src/host/kiosk/shellPolicy';
import { createHostLogger } from '../src/host/log/hostLogger';
import { PlaylistStartError } from '../src/host/playlist/playlistSource';
import { platformPaths } from '../src/host/paths';
import { type Show, startShow } from '../src/host/show/startShow';
import { handleAppScheme, registerAppScheme } from './appProtocol';
import type { KioskWindows } from './kioskWindows';
import { kioskScreens, startKioskTransport } from './kioskTransport';
import { shellCachedFile } from './shellOffline';
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
  const rendererRoot = join(appRoot, 'dist', 'renderer');
  if (!existsSync(join(rendererRoot, 'index.html'))) {
    fail(`the renderer is not built (${rendererRoot}/index.html is missing); run: npm run build`);
    return;
  }

  let windows: KioskWindows | null = null;
  let show: Show;
  try {
    show = await startShow(config, {
      paths,
      logger,
      timing: timing.timing,
      appRoot,
      assetBase: MEDIA_BASE,
      version: app.getVersion(),
      screens: kioskScreens(config, logger),
      // Why: read only when health is asked for, which can only happen once the windows below exist.
      electron: () =>
        shellHealth(
          screen.getAllDisplays(),
          windows?.displayIds() ?? [],
          config.screen,
          app.getGPUFeatureStatus(),
        ),
    });
  } catch (err) {
    const lines = err instanceof PlaylistStartError ? err.messages : [String(err)];
    logger.fatal({ playlist: config.playlist, problems: lines }, 'cannot start the show');
    fail(`cannot start: the playlist ${config.playlist} has problems:\n  ${lines.join('\n  ')}`);
    return;
  }
  const host = show.host;
  handleAppScheme(
    () => ({ renderer: rendererRoot, media: { dir: host.playlistDir, playlist: host.playlist } }),
    shellCachedFile(show.offline),
  );
  const kiosk = startKioskTransport(show, { policy, preloadPath: join(__dirname, 'preload.cjs') });
  windows = kiosk;
  app.on('second-instance', () => kiosk.first()?.focus());
  // Why: a kiosk whose last display was unplugged keeps running and opens a window when one comes back.
  app.on('window-all-closed', () => undefined);

  if (!globalShortcut.register(config.exitChord, () => app.quit())) {
    logger.warn(
      { chord: config.exitChord },
      'the exit chord is taken by another program; quit with the control channel',
    );
  }
  show.own('exit chord', () => globalShortcut.unregisterAll());
  logger.info({ chord: config.exitChord }, `Marquee kiosk running; press ${config.exitChord} to quit`);

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    void show.dispose().then(() => app.exit(0));
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

function fail(message: string): void {
  process.stderr.write(`marquee: ${message}\n`);
  app.exit(EXIT_FIX_CONFIG);
}
