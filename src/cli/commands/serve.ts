import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import type { Logger } from 'pino';
import { appRoot } from '../../host/appRoot';
import { findChromium } from '../../host/chromium/findChromium';
import { addConfigFlags, typedFlags } from '../../host/config/configFlags';
import { bundledPlaylistPath, loadConfig } from '../../host/config/loadConfig';
import { RENDERER_TOKEN_FRAGMENT } from '../../core/channels/rendererToken';
import { lanHost } from '../../host/control/remoteUrl';
import { serveTimingFromEnv } from '../../host/health/clockSpeed';
import {
  type BrowserTransport,
  listenBrowserTransport,
  type PendingTransport,
} from '../../host/http/browserTransport';
import type { KioskBrowser } from '../../host/http/kioskBrowser';
import { createHostLogger } from '../../host/log/hostLogger';
import { platformPaths } from '../../host/paths';
import { EXTERNAL_BROWSER } from '../../host/screen/screenCapture';
import type { Show } from '../../host/show/startShow';

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
  const rendererRoot = join(APP_ROOT, 'dist', 'renderer');
  if (!existsSync(join(rendererRoot, 'index.html'))) {
    process.stderr.write(
      `The kiosk page is not built (${rendererRoot}/index.html is missing). Run: npm run build\n`,
    );
    return 1;
  }

  const { logger, file: logFile } = createHostLogger({ dir: paths.logs, level: config.logLevel });
  // Why: listening first lets a kiosk browser load and compile the page while the show starts (the page's head
  // is answered at once, its first slide once the show has started).
  let pending: PendingTransport;
  try {
    pending = await listenBrowserTransport(
      { rendererRoot, hostname: config.host, port: config.port },
      { allowedHosts: config.allowedHosts, configDir: paths.config, logger },
    );
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `Port ${config.port} on ${config.host} is already in use: stop the other program (another marquee serve?) or choose one with --port N.\n`
        : code === undefined
          ? // Why: no system error code: our own refusal (the renderer token file), which names the file and the fix.
            `${err instanceof Error ? err.message : String(err)}\n`
          : `Cannot listen on ${config.host}:${config.port}: ${String(err)}\n`,
    );
    return 1;
  }

  // Why: a kiosk browser this host opens starts up (a second or so) while the show does.
  const opening =
    command.opts<{ open?: boolean }>().open === true
      ? openBrowser(pending.url, paths.state, logger)
      : Promise.resolve(null);
  // Why: loaded once listening (the show's parts are most of the program), so the port answers sooner.
  const [{ startShow }, { PlaylistStartError }] = await Promise.all([
    import('../../host/show/startShow'),
    import('../../host/playlist/playlistSource'),
  ]);
  let show: Show;
  try {
    show = await startShow(config, {
      paths,
      logger,
      timing: timing.timing,
      appRoot: APP_ROOT,
      onPartOff: (part, message) =>
        process.stderr.write(`${part.charAt(0).toUpperCase()}${part.slice(1)} is off: ${message}\n`),
    });
  } catch (err) {
    const playlist = err instanceof PlaylistStartError;
    pending.fail(
      playlist
        ? `The playlist ${config.playlist} has problems: the terminal names each (or run marquee validate on it); fix them and start marquee serve again.`
        : `${err instanceof Error ? err.message : String(err)}: see the terminal.`,
    );
    (await opening.catch(() => null))?.stop();
    await pending.close();
    if (!playlist) throw err;
    process.stderr.write(
      `${err.messages.join('\n')}\nFix the playlist (check it with: marquee validate ${config.playlist}) and start again.\n`,
    );
    return 1;
  }
  const server: BrowserTransport = pending.serve(show);

  const control = show.control;
  process.stdout.write(
    `Marquee is playing ${show.host.playlistFile}\n` +
      `  show:    ${server.url}\n` +
      `  preview: ${server.url}preview\n` +
      `  logs:    ${logFile ?? '(console only)'}\n` +
      (control ? `  control: marquee ctl status   (socket ${control.socketPath})\n` : '') +
      `Open the show full screen with: chromium --kiosk --app=${server.url}\n` +
      otherMachines(server, config.host),
  );

  const browser = await opening;
  if (browser !== null) show.own('kiosk browser', browser.stop);
  // Why: only a browser this host started can be seen; for any other, health and /api/screenshot say so.
  show.setScreenCapture(browser?.capture ?? EXTERNAL_BROWSER);

  await new Promise<void>((done) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      // Why: a second Ctrl+C means "now", even if closing hangs.
      if (stopping) process.exit(130);
      stopping = true;
      logger.info({ signal }, 'stopping');
      void show.dispose().finally(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

/**
 * How a kiosk browser on another machine opens the show: with the renderer token in the URL fragment. Why: the
 * token is printed only to a terminal (stdout may go to the journal); otherwise the line names the token's file.
 */
function otherMachines(server: BrowserTransport, listenHost: string): string {
  if (server.rendererToken === null) return '';
  const url = `http://${lanHost(listenHost, networkInterfaces())}:${server.port}/#${RENDERER_TOKEN_FRAGMENT}=`;
  return process.stdout.isTTY
    ? `Other machines: chromium --kiosk --app='${url}${server.rendererToken.token}'\n`
    : `Other machines: open ${url}<the token in ${server.rendererToken.file}>\n`;
}

async function openBrowser(url: string, stateDir: string, logger: Logger): Promise<KioskBrowser | null> {
  let chromium: string;
  try {
    chromium = findChromium();
  } catch (err) {
    process.stderr.write(
      `--open: ${err instanceof Error ? err.message : String(err)}\nThe show is still served at ${url}.\n`,
    );
    return null;
  }
  // Why: the kiosk browser's driver (DevTools pipe, PNG decoding for the screen watch) is loaded only with --open.
  const { startKioskBrowser } = await import('../../host/http/kioskBrowser');
  return startKioskBrowser(chromium, url, join(stateDir, 'chromium-kiosk'), logger);
}
