import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { Playlist } from '../../core/playlist/types';
import { previewViews } from '../../core/view/previewViews';
import { contentSecurityPolicy } from '../kiosk/csp';
import { isLoopbackHost, originMatchesHost } from './hostAllowList';
import { createHostGuard } from './hostGuard';
import { isReferencedMedia } from './mediaAllowList';
import { createRendererSocket, type RendererSocket, type RendererSocketOptions } from './rendererSocket';
import { createEarlyPage, servePage } from './kioskPage';
import { loadPageFiles } from './pageFiles';
import { serveStatic } from './staticFiles';

/** Answers a request whose path starts with the route's prefix; returns false to let later routes try. */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) => boolean | Promise<boolean>;

/** Takes over a WebSocket upgrade for one exact path. */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** What the server needs from the host besides the renderer socket's part. */
export interface ServedHost extends Readonly<RendererSocketOptions['host']> {
  /** The playlist's folder; the files the playlist references are served under /media/. */
  readonly playlistDir: string;
  /** The playlist playing, for the preview of every slide. */
  readonly playlist: Playlist;
}

/** What the server needs to listen: where, which pages, and which Host names and peers it answers. */
export type ListenOptions = Readonly<{
  /** The built renderer (dist/renderer): index.html, preview.html, assets. */
  rendererRoot: string;
  hostname: string;
  /** 0 picks a free port. */
  port: number;
  /** Host names answered besides loopback and `hostname` (the `allowedHosts` setting); others get 421. */
  allowedHosts?: readonly string[];
  logger: Logger;
  /** Which renderer peers are this machine (default loopback); see `RendererSocketOptions`. */
  isLocalPeer?: (address: string) => boolean;
}>;

/** What the server needs from the show it serves. */
export type ShowSide = Readonly<{
  host: ServedHost;
  keyboard: boolean;
  onKey?: RendererSocketOptions['onKey'];
  /** The token renderers on other machines present (`#renderer-token=…`); null or absent: loopback renderers only. */
  rendererToken?: string | null;
  /** Most renderers at once (the `maxRenderers` setting). */
  maxRenderers?: number;
}>;

/** Options of `startMarqueeServer`. */
export type MarqueeServerOptions = ListenOptions & ShowSide;

/** The browser-mode HTTP + WebSocket server; other parts mount their routes and sockets on it. */
export type MarqueeServer = Readonly<{
  /** The address to open, e.g. http://127.0.0.1:7770/. */
  url: string;
  port: number;
  /** Adds a route for paths starting with `prefix` (e.g. "/api/", "/remote"); tried in the order added. */
  addRoute: (prefix: string, handler: RouteHandler) => void;
  /** Adds a WebSocket endpoint at exactly `path` (e.g. "/ws/control"). */
  addUpgrade: (path: string, handler: UpgradeHandler) => void;
  /** Number of renderers connected. */
  renderers: () => number;
  /** Tells every connected renderer to reload its page (the watchdog's remedy); returns how many were told. */
  reloadRenderers: () => number;
  close: () => Promise<void>;
}>;

/** A server listening before its show has started; `attach` gives it the show, `fail` says it will not come. */
export type ListeningServer = Readonly<{
  url: string;
  port: number;
  /**
   * Serves `side`'s show from now on; requests that waited for it go on. Until then the server answers the kiosk
   * page's head and the renderer's own files at once (the browser loads and compiles the page's script meanwhile),
   * and holds every other request.
   */
  attach: (side: ShowSide) => MarqueeServer;
  /** The show will not start: held requests are answered 503 with `message`, a held kiosk page ends with it. */
  fail: (message: string) => void;
  close: () => Promise<void>;
}>;

/** Paths served by name (not as static files). */
const RENDERER_SOCKET_PATH = '/ws/renderer';

/** Starts the server of `marquee serve` for a show that has started (see `listenMarqueeServer`). */
export async function startMarqueeServer(options: MarqueeServerOptions): Promise<MarqueeServer> {
  return (await listenMarqueeServer(options)).attach(options);
}

/** The kiosk page's path. */
const isPagePath = (path: string): boolean => path === '/' || path === '/index.html';

/**
 * Listens for `marquee serve`: the renderer, /preview and /api/preview, /media/ from the playlist folder and
 * /ws/renderer, once a show is attached. Throws when it cannot listen.
 */
export async function listenMarqueeServer(options: ListenOptions): Promise<ListeningServer> {
  const { logger, rendererRoot } = options;
  const isLocal = options.isLocalPeer ?? isLoopbackHost;
  const guard = createHostGuard({
    listen: options.hostname,
    allowedHosts: options.allowedHosts ?? [],
    logger,
  });
  const early = createEarlyPage(rendererRoot);
  const pageFiles = await loadPageFiles(rendererRoot);
  let served: Served | null = null;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://marquee.invalid');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Security-Policy', contentSecurityPolicy('browser'));
    const path = url.pathname;
    if (pageFiles.serve(req, res, path)) return;
    const localPage = isPagePath(path) && req.method === 'GET' && isLocal(req.socket.remoteAddress ?? '');
    if (served === null) {
      if (localPage && (await early.page(res))) return;
      if (path.startsWith('/assets/') && (await serveStatic(req, res, rendererRoot, path))) return;
      await early.started;
    }
    if (served === null) {
      res.statusCode = 503;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`${early.failure()}\n`);
      return;
    }
    await served.handle(req, res, url, localPage);
  };

  const server: Server = createServer((req, res) => {
    if (!guard.admitRequest(req, res)) return;
    handle(req, res).catch((err: unknown) => {
      logger.error({ url: req.url, err: String(err) }, 'request failed');
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      }
      res.end('internal error; see the host log');
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://marquee.invalid').pathname;
    socket.on('error', (err) => logger.debug({ path, err: String(err) }, 'upgrade socket error'));
    if (!guard.admitUpgrade(req, socket)) return;
    const go = (): void => {
      const handler = served?.upgrades.get(path);
      if (handler === undefined) {
        socket.end(
          served === null
            ? 'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n'
            : 'HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n',
        );
        return;
      }
      handler(req, socket, head);
    };
    if (served === null) void early.started.then(go);
    else go();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => logger.error({ err: String(err) }, 'HTTP server error'));
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.hostname.includes(':') ? `[${options.hostname}]` : options.hostname;
  const url = `http://${shownHost}:${port}/`;
  logger.info({ url }, `serving the show at ${url}`);
  const closeServer = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  return {
    url,
    port,
    attach: (side) => {
      if (served !== null) throw new Error('listenMarqueeServer: a show is already attached');
      const now = serveShow(side, options);
      served = now;
      early.start(side.host);
      return {
        url,
        port,
        addRoute: now.addRoute,
        addUpgrade: now.addUpgrade,
        renderers: now.rendererSocket.clients,
        reloadRenderers: now.rendererSocket.reload,
        close: async () => {
          await now.rendererSocket.close();
          await closeServer();
        },
      };
    },
    fail: (message) => early.fail(message),
    close: closeServer,
  };
}

/** A show being served: its request handler, its WebSocket endpoints and routes. */
type Served = Readonly<{
  handle: (req: IncomingMessage, res: ServerResponse, url: URL, localPage: boolean) => Promise<void>;
  upgrades: ReadonlyMap<string, UpgradeHandler>;
  addRoute: MarqueeServer['addRoute'];
  addUpgrade: MarqueeServer['addUpgrade'];
  rendererSocket: RendererSocket;
}>;

/** The show's side of the server: its renderer socket, routes and pages. */
function serveShow(side: ShowSide, options: ListenOptions): Served {
  const { host } = side;
  const { logger, rendererRoot } = options;
  const routes: { prefix: string; handler: RouteHandler }[] = [];
  const upgrades = new Map<string, UpgradeHandler>();
  const mediaCache = new WeakMap<Playlist, ReadonlySet<string>>();
  const rendererSocket: RendererSocket = createRendererSocket({
    host,
    logger,
    keyboard: side.keyboard,
    token: side.rendererToken ?? null,
    ...(side.maxRenderers === undefined ? {} : { maxClients: side.maxRenderers }),
    ...(options.isLocalPeer === undefined ? {} : { isLocalPeer: options.isLocalPeer }),
    ...(side.onKey === undefined ? {} : { onKey: side.onKey }),
  });
  upgrades.set(RENDERER_SOCKET_PATH, (req, socket, head) => {
    if (!originMatchesHost(req.headers.origin, req.headers.host)) {
      logger.warn({ origin: req.headers.origin }, 'refused a renderer socket from another origin');
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    rendererSocket.handleUpgrade(req, socket, head);
  });

  const handle = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    localPage: boolean,
  ): Promise<void> => {
    const path = url.pathname;
    if (path === '/api/preview') {
      const audience = host.getState().audience;
      const views = previewViews(host.playlist, host.getView().now, {
        assetBase: '/media/',
        screen: host.screen,
        ...(audience === null ? {} : { audience }),
      });
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.end(JSON.stringify({ views }));
      return;
    }
    // Why: the page paints its first slide without waiting for its socket; only a renderer on this machine
    // gets it, as one on another machine sees the show only once its socket has shown the renderer token.
    if (localPage && (await servePage(res, rendererRoot, host))) return;
    if (path === '/preview' || path === '/preview/') {
      if (await serveStatic(req, res, rendererRoot, '/preview.html')) return;
    }
    if (path.startsWith('/media/')) {
      const asset = path.slice('/media/'.length);
      if (isReferencedMedia(host.playlist, asset, mediaCache)) {
        if (await serveStatic(req, res, host.playlistDir, `/${asset}`)) return;
      }
      return notFound(res, `the playlist uses no file ${decodeSafe(asset)}`);
    }
    for (const route of routes) {
      if (path.startsWith(route.prefix) && (await route.handler(req, res, url))) return;
    }
    if (await serveStatic(req, res, rendererRoot, path)) return;
    notFound(res, `no page at ${path}`);
  };

  return {
    handle,
    upgrades,
    rendererSocket,
    addRoute: (prefix, handler) => {
      routes.push({ prefix, handler });
    },
    addUpgrade: (path, handler) => {
      if (upgrades.has(path)) throw new Error(`addUpgrade: ${path} already has a WebSocket handler`);
      upgrades.set(path, handler);
    },
  };
}

function notFound(res: ServerResponse, message: string): void {
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(`${message}\n`);
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
