import type { Logger } from 'pino';
import { CACHE_ROUTE } from '../cache/cacheRoute';
import { HEALTH_PATH, healthRoute } from '../health/healthRoute';
import type { Show } from '../show/startShow';
import { isLoopbackHost } from './hostAllowList';
import { resolveRendererToken } from './rendererToken';
import { listenMarqueeServer, type MarqueeServer } from './server';

/** Where browser mode listens and what it serves. */
export type BrowserTransportOptions = Readonly<{
  /** The built renderer (dist/renderer). */
  rendererRoot: string;
  hostname: string;
  /** 0 picks a free port. */
  port: number;
}>;

/** What browser mode needs to listen before its show has started: the settings and folders it reads. */
export type ListenContext = Readonly<{
  allowedHosts: readonly string[];
  /** Where the renderer token lives (the config folder). */
  configDir: string;
  logger: Logger;
}>;

/** The running browser transport: its server and, when the show is served to other machines, the renderer token. */
export type BrowserTransport = MarqueeServer &
  Readonly<{ rendererToken: Readonly<{ token: string; file: string }> | null }>;

/** Browser mode listening while its show starts: `serve` hands it the show, `fail` says it will not come. */
export type PendingTransport = Readonly<{
  url: string;
  port: number;
  serve: (show: Show) => BrowserTransport;
  /** The show did not start: a kiosk page already loading ends with `message`; then close. */
  fail: (message: string) => void;
  close: () => Promise<void>;
}>;

/**
 * Listens for browser mode before its show has started, so a kiosk browser loads and compiles the page while the
 * host reads the playlist; see `listenMarqueeServer`. Listening on anything but loopback serves the show to other
 * machines on purpose: their renderers then need the renderer token. Throws when it cannot listen.
 */
export async function listenBrowserTransport(
  options: BrowserTransportOptions,
  context: ListenContext,
): Promise<PendingTransport> {
  const rendererToken = isLoopbackHost(options.hostname) ? null : resolveRendererToken(context.configDir);
  const listening = await listenMarqueeServer({
    rendererRoot: options.rendererRoot,
    hostname: options.hostname,
    port: options.port,
    allowedHosts: context.allowedHosts,
    logger: context.logger,
  });
  return {
    url: listening.url,
    port: listening.port,
    fail: listening.fail,
    close: listening.close,
    serve: (show) => {
      const server = listening.attach({
        host: show.host,
        keyboard: show.config.keyboard,
        rendererToken: rendererToken?.token ?? null,
        maxRenderers: show.config.maxRenderers,
        ...(show.control ? { onKey: show.control.onKey } : {}),
      });
      show.own('HTTP server', server.close);
      server.addRoute(HEALTH_PATH, healthRoute(show.health));
      const offline = show.offline;
      if (offline !== null) {
        server.addRoute(CACHE_ROUTE, async (req, res, url) => {
          await offline.serve(req, res, url.pathname);
          return true;
        });
      }
      show.monitor.attach({ connected: server.renderers, reload: server.reloadRenderers });
      return { ...server, rendererToken };
    },
  };
}

/**
 * Browser mode's transport over a started `show`: the HTTP + WebSocket server (renderer, /media/, /api/health,
 * /cache/), its renderers handed to the watchdog, and its close added to the show's lifetime. Throws when it
 * cannot listen.
 */
export async function startBrowserTransport(
  show: Show,
  options: BrowserTransportOptions,
): Promise<BrowserTransport> {
  const pending = await listenBrowserTransport(options, {
    allowedHosts: show.config.allowedHosts,
    configDir: show.paths.config,
    logger: show.logger,
  });
  return pending.serve(show);
}
