import { CACHE_ROUTE } from '../cache/cacheRoute';
import { HEALTH_PATH, healthRoute } from '../health/healthRoute';
import type { Show } from '../show/startShow';
import { isLoopbackHost } from './hostAllowList';
import { resolveRendererToken } from './rendererToken';
import { type MarqueeServer, startMarqueeServer } from './server';

/** Where browser mode listens and what it serves. */
export type BrowserTransportOptions = Readonly<{
  /** The built renderer (dist/renderer). */
  rendererRoot: string;
  hostname: string;
  /** 0 picks a free port. */
  port: number;
}>;

/** The running browser transport: its server and, when the show is served to other machines, the renderer token. */
export type BrowserTransport = MarqueeServer &
  Readonly<{ rendererToken: Readonly<{ token: string; file: string }> | null }>;

/**
 * Browser mode's transport: the HTTP + WebSocket server over `show` (renderer, /media/, /api/health, /cache/),
 * its renderers handed to the watchdog, and its close added to the show's lifetime. Listening on anything but
 * loopback serves the show to other machines on purpose: their renderers then need the renderer token.
 * Throws when it cannot listen.
 */
export async function startBrowserTransport(
  show: Show,
  options: BrowserTransportOptions,
): Promise<BrowserTransport> {
  const rendererToken = isLoopbackHost(options.hostname) ? null : resolveRendererToken(show.paths.config);
  const server = await startMarqueeServer({
    host: show.host,
    rendererRoot: options.rendererRoot,
    hostname: options.hostname,
    port: options.port,
    allowedHosts: show.config.allowedHosts,
    logger: show.logger,
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
}
