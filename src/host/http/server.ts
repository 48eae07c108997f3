import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { withFirstView } from '../../core/channels/firstView';
import type { HostToRenderer } from '../../core/channels/rendererChannel';
import type { Playlist } from '../../core/playlist/types';
import { previewViews } from '../../core/view/previewViews';
import { contentSecurityPolicy } from '../kiosk/csp';
import { isLoopbackHost, originMatchesHost } from './hostAllowList';
import { createHostGuard } from './hostGuard';
import { isReferencedMedia } from './mediaAllowList';
import { createRendererSocket, type RendererSocket, type RendererSocketOptions } from './rendererSocket';
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

/** Options of `startMarqueeServer`. */
export type MarqueeServerOptions = Readonly<{
  host: ServedHost;
  /** The built renderer (dist/renderer): index.html, preview.html, assets. */
  rendererRoot: string;
  hostname: string;
  /** 0 picks a free port. */
  port: number;
  /** Host names answered besides loopback and `hostname` (the `allowedHosts` setting); others get 421. */
  allowedHosts?: readonly string[];
  logger: Logger;
  keyboard: boolean;
  onKey?: RendererSocketOptions['onKey'];
  /** The token renderers on other machines present (`#renderer-token=…`); null or absent: loopback renderers only. */
  rendererToken?: string | null;
  /** Most renderers at once (the `maxRenderers` setting). */
  maxRenderers?: number;
  /** Which renderer peers are this machine (default loopback); see `RendererSocketOptions`. */
  isLocalPeer?: (address: string) => boolean;
}>;

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

/** Paths served by name (not as static files). */
const RENDERER_SOCKET_PATH = '/ws/renderer';

/** Starts the server of `marquee serve`: the renderer, /preview and /api/preview, /media/ from the playlist folder and /ws/renderer. */
export async function startMarqueeServer(options: MarqueeServerOptions): Promise<MarqueeServer> {
  const { host, logger, rendererRoot } = options;
  const routes: { prefix: string; handler: RouteHandler }[] = [];
  const upgrades = new Map<string, UpgradeHandler>();
  const mediaCache = new WeakMap<Playlist, ReadonlySet<string>>();
  const isLocal = options.isLocalPeer ?? isLoopbackHost;
  const guard = createHostGuard({
    listen: options.hostname,
    allowedHosts: options.allowedHosts ?? [],
    logger,
  });
  const rendererSocket: RendererSocket = createRendererSocket({
    host,
    logger,
    keyboard: options.keyboard,
    token: options.rendererToken ?? null,
    ...(options.maxRenderers === undefined ? {} : { maxClients: options.maxRenderers }),
    ...(options.isLocalPeer === undefined ? {} : { isLocalPeer: options.isLocalPeer }),
    ...(options.onKey === undefined ? {} : { onKey: options.onKey }),
  });
  upgrades.set(RENDERER_SOCKET_PATH, (req, socket, head) => {
    if (!originMatchesHost(req.headers.origin, req.headers.host)) {
      logger.warn({ origin: req.headers.origin }, 'refused a renderer socket from another origin');
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    rendererSocket.handleUpgrade(req, socket, head);
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://marquee.invalid');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Security-Policy', contentSecurityPolicy('browser'));
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
    if (
      (path === '/' || path === '/index.html') &&
      req.method === 'GET' &&
      isLocal(req.socket.remoteAddress ?? '')
    ) {
      // Why: the page paints its first slide without waiting for its socket; only a renderer on this machine
      // gets it, as one on another machine sees the show only once its socket has shown the renderer token.
      const html = await readFile(`${rendererRoot}/index.html`, 'utf8').catch(() => null);
      if (html !== null) {
        const view = host.getView();
        const first = JSON.stringify({ type: 'show', view } satisfies HostToRenderer);
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(withFirstView(html, view, first));
        return;
      }
    }
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
    const handler = upgrades.get(path);
    socket.on('error', (err) => logger.debug({ path, err: String(err) }, 'upgrade socket error'));
    if (!guard.admitUpgrade(req, socket)) return;
    if (handler === undefined) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    handler(req, socket, head);
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

  return {
    url,
    port,
    addRoute: (prefix, handler) => {
      routes.push({ prefix, handler });
    },
    addUpgrade: (path, handler) => {
      if (upgrades.has(path)) throw new Error(`addUpgrade: ${path} already has a WebSocket handler`);
      upgrades.set(path, handler);
    },
    renderers: rendererSocket.clients,
    reloadRenderers: rendererSocket.reload,
    close: async () => {
      await rendererSocket.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
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
