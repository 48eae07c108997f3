import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { appRoot } from '../../host/appRoot';
import { findChromium } from '../../host/chromium/findChromium';
import { addConfigFlags, typedFlags } from '../../host/config/configFlags';
import { bundledPlaylistPath, loadConfig } from '../../host/config/loadConfig';
import { type ControlService, startControl } from '../../host/control/startControl';
import { assetCacheDir } from '../../host/cache/assetCache';
import { CACHE_ROUTE } from '../../host/cache/cacheRoute';
import { startOfflineAssets } from '../../host/cache/offlineAssets';
import { cacheFigures } from '../../host/health/cacheFigures';
import { serveTimingFromEnv } from '../../host/health/clockSpeed';
import { HEALTH_PATH, healthRoute } from '../../host/health/healthRoute';
import { createShowMonitor } from '../../host/health/showMonitor';
import { openKioskBrowser } from '../../host/http/kioskBrowser';
import { startMarqueeServer } from '../../host/http/server';
import { createHostLogger } from '../../host/log/hostLogger';
import { PlayerHost, PlaylistStartError } from '../../host/PlayerHost';
import { platformPaths } from '../../host/paths';
import { createImpressionSink, proofOfPlayDir } from '../../host/proof/impressionLog';

/** The repository (or installed package) root: dist/ and assets/ live here. */
const APP_ROOT = appRoot();

/** Registers `marquee serve`: the show over HTTP + WebSocket for any Chromium (`--kiosk`), optionally opening one. */
export function registerServe(program: Command): void {
  const command = program
    .command('serve')
    .description(
      'Play the show in a browser: serves the kiosk page at http://HOST:PORT/ (open it in Chromium with --kiosk), ' +
        'the slide preview at /preview, and watches the playlist for edits.',
    )
    .addOption(new Option('--open', 'also open the page in a fullscreen Chromium kiosk window'));
  addConfigFlags(command, 'serve');
  command.action(async () => {
    process.exitCode = await serve(command);
  });
}

async function serve(command: Command): Promise<number> {
  const paths = platformPaths();
  const { flags, configFlag } = typedFlags(command);
  const resolved = await loadConfig({
    flags,
    configFlag,
    env: process.env,
    cwd: process.cwd(),
    bundledPlaylist: bundledPlaylistPath({ isPackaged: false, resourcesPath: '', appRoot: APP_ROOT }),
    configDir: paths.config,
  });
  if (!resolved.ok) {
    process.stderr.write(`${resolved.problems.join('\n')}\n`);
    return 2;
  }
  const config = resolved.config;
  const timing = serveTimingFromEnv(process.env);
  if (!timing.ok) {
    process.stderr.write(`${timing.message}\n`);
    return 2;
  }
  const { clock } = timing.timing;
  const rendererRoot = join(APP_ROOT, 'dist', 'renderer');
  if (!existsSync(join(rendererRoot, 'index.html'))) {
    process.stderr.write(
      `The kiosk page is not built (${rendererRoot}/index.html is missing). Run: npm run build\n`,
    );
    return 1;
  }

  const { logger, file: logFile } = createHostLogger({ dir: paths.logs, level: config.logLevel });
  let host: PlayerHost | undefined;
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
      onPlayed: (impression) => proof(impression),
    });
  } catch (err) {
    if (!(err instanceof PlaylistStartError)) throw err;
    process.stderr.write(
      `${err.messages.join('\n')}\nFix the playlist (check it with: marquee validate ${config.playlist}) and start again.\n`,
    );
    return 1;
  }
  const running = host;
  if (timing.timing.speed !== 1)
    logger.warn({ speed: timing.timing.speed }, 'the clock runs fast (tests only)');
  const offline = await startOfflineAssets({
    dir: assetCacheDir(paths.cache),
    log: logger,
    policy: { allowedNetworks: config.allowedAssetNetworks },
  });
  offline.follow(running);
  const monitor = createShowMonitor({
    host: running,
    clock,
    log: logger,
    limits: timing.timing.limits,
    proof: () => proof.stats(),
    cache: () => cacheFigures(offline.cache, running.playlist, offline.failedFetches()),
    rewriteView: offline.rewrite,
  });
  let control: ControlService | null = null;
  try {
    control = await startControl({
      screens: [{ name: config.screen, host: running }],
      socketPath: config.controlSocket,
      listen: config.controlListen,
      token: config.controlToken,
      configDir: paths.config,
      logDir: paths.logs,
      remoteDir: existsSync(join(APP_ROOT, 'dist', 'remote', 'index.html'))
        ? join(APP_ROOT, 'dist', 'remote')
        : null,
      keyboard: config.keyboard,
      health: monitor.health,
    });
  } catch (err) {
    // Why: the show matters more than remote control; a busy socket or port must not keep the screen dark.
    process.stderr.write(`Remote control is off: ${err instanceof Error ? err.message : String(err)}\n`);
  }

  let server: Awaited<ReturnType<typeof startMarqueeServer>>;
  try {
    server = await startMarqueeServer({
      host: monitor.host,
      rendererRoot,
      hostname: config.host,
      port: config.port,
      logger,
      keyboard: config.keyboard,
      ...(control ? { onKey: control.onKey } : {}),
    });
  } catch (err) {
    monitor.stop();
    offline.stop();
    await control?.close();
    await running.stop();
    const code = (err as NodeJS.ErrnoException).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `Port ${config.port} on ${config.host} is already in use: stop the other program (another marquee serve?) or choose one with --port N.\n`
        : `Cannot listen on ${config.host}:${config.port}: ${String(err)}\n`,
    );
    return 1;
  }

  server.addRoute(HEALTH_PATH, healthRoute(monitor.health));
  server.addRoute(CACHE_ROUTE, async (req, res, url) => {
    await offline.serve(req, res, url.pathname);
    return true;
  });
  monitor.attach({ connected: server.renderers, reload: server.reloadRenderers });

  process.stdout.write(
    `Marquee is playing ${running.playlistFile}\n` +
      `  show:    ${server.url}\n` +
      `  preview: ${server.url}preview\n` +
      `  logs:    ${logFile ?? '(console only)'}\n` +
      (control ? `  control: marquee ctl status   (socket ${control.socketPath})\n` : '') +
      `Open the show full screen with: chromium --kiosk --app=${server.url}\n`,
  );

  const browser =
    command.opts<{ open?: boolean }>().open === true ? openBrowser(server.url, paths.state, logger) : null;

  await new Promise<void>((done) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      // Why: a second Ctrl+C means "now", even if closing hangs.
      if (stopping) process.exit(130);
      stopping = true;
      logger.info({ signal }, 'stopping');
      browser?.kill('SIGTERM');
      monitor.stop();
      offline.stop();
      void Promise.all([server.close(), running.stop(), proof.flush(), control?.close()]).finally(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

function openBrowser(url: string, stateDir: string, logger: Parameters<typeof openKioskBrowser>[3]) {
  let chromium: string;
  try {
    chromium = findChromium();
  } catch (err) {
    process.stderr.write(
      `--open: ${err instanceof Error ? err.message : String(err)}\nThe show is still served at ${url}.\n`,
    );
    return null;
  }
  return openKioskBrowser(chromium, url, join(stateDir, 'chromium-kiosk'), logger);
}
