import { helloPush, type LanPush, playlistPush, statePush } from '../../core/channels/lanPushContract';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Health } from '../../core/channels/healthContract';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { commandIdOf } from '../../core/control/commands';
import { errorReply, refusalBody } from '../../core/control/replies';
import { originMatchesHost } from '../http/hostAllowList';
import { createHostGuard } from '../http/hostGuard';
import {
  bearerOf,
  listenHttp,
  MAX_BODY_BYTES,
  readBody,
  refuseUnauthorized,
  refuseUpgrade,
  sendJson,
  serveRemote,
} from '../http/httpJson';
import type { ControlGateway } from './controlGateway';
import { type BucketConfig, DEFAULT_BUCKET, RateLimiter } from './rateLimiter';
import { httpStatusOf } from './httpStatus';
import type { ScreenshotRoute } from './screenshotRoute';
import { tokensMatch } from './tokenStore';
import { assertNever } from '../../core/assertNever';

/** The WebSocket sub-protocol prefix that carries the token: `marquee-token.<token>`. */
export const TOKEN_PROTOCOL_PREFIX = 'marquee-token.';

/** Options of the LAN control API. */
export type LanApiOptions = Readonly<{
  gateway: ControlGateway;
  token: string;
  /** The built web remote (dist/remote); null: `/remote` answers 404. */
  remoteDir: string | null;
  rateLimit?: BucketConfig;
  now?: () => number;
  /** What `GET /api/health` answers (the host's `Health`); default: the name and the screens. */
  health?: () => Health;
  /** Host names its server answers besides loopback and the listen address (`allowedHosts`); others get 421. */
  allowedHosts?: readonly string[];
  /** `GET /api/screenshot` (see `screenshotRoute`); without it the endpoint answers 503. */
  screenshot?: ScreenshotRoute;
}>;

/** The LAN control API as handlers to mount on an HTTP server. */
export type LanApi = Readonly<{
  /** Handles `/api/*`, `/remote` and `/remote/*`; resolves false for any other path. */
  handleRequest(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Takes the upgrade of `/api/ws`; returns false for any other path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /**
   * Switches to a new token (`marquee token rotate`): requests with the old one are refused from now on
   * and every open WebSocket is closed (4401), so phones must scan the new QR code.
   */
  setToken(token: string): void;
  /** Closes every WebSocket and stops listening for state changes. */
  close(): void;
}>;

/** Builds the LAN API: token-checked HTTP endpoints, a state-pushing WebSocket, and the web remote. */
export function createLanApi(options: LanApiOptions): LanApi {
  const { gateway } = options;
  let token = options.token;
  const target = gateway.target;
  const limiter = new RateLimiter(options.rateLimit ?? DEFAULT_BUCKET, options.now ?? Date.now);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_BODY_BYTES,
    handleProtocols: (protocols) => [...protocols].find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX)) ?? false,
  });
  const clients = new Set<WebSocket>();
  /** Every open WebSocket, authenticated or still waiting for its `auth` message. */
  const sockets = new Set<WebSocket>();
  const lastPlaylist = new Map<string, string>();

  const pushAll = (message: LanPush): void => {
    const text = JSON.stringify(message);
    for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(text);
  };
  const playlistOf = (screen: string): LanPush | null => {
    const slides = target.playlist(screen);
    return slides ? playlistPush(screen, slides) : null;
  };
  const offState = target.onStateChange((state) => {
    if (clients.size === 0) return;
    pushAll(statePush(state));
    const push = playlistOf(state.screen);
    const text = JSON.stringify(push);
    if (push && lastPlaylist.get(state.screen) !== text) {
      lastPlaylist.set(state.screen, text);
      pushAll(push);
    }
  });

  const handleRequest = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://marquee.invalid');
    const path = url.pathname;
    if (path === '/remote' || path.startsWith('/remote/')) {
      return serveRemote(req, res, path, options.remoteDir);
    }
    if (path !== '/api' && !path.startsWith('/api/')) return false;
    const ip = req.socket.remoteAddress ?? 'unknown';
    const limited = limiter.take(ip);
    if (!limited.allowed) {
      const seconds = Math.max(1, Math.ceil(limited.retryAfterMs / 1000));
      sendJson(res, 429, errorReply(null, 'rate-limited', `too many requests; try again in ${seconds} s`), {
        'Retry-After': String(seconds),
      });
      return true;
    }
    const route = ROUTES[path];
    if (!route) {
      sendJson(
        res,
        404,
        errorReply(null, 'bad-command', `no endpoint ${path}; see ${Object.keys(ROUTES).join(', ')}`),
      );
      return true;
    }
    if (req.method !== route.method && !(route.method === 'GET' && req.method === 'HEAD')) {
      sendJson(
        res,
        405,
        errorReply(null, 'bad-command', `${path} accepts ${route.method} only (got ${req.method})`),
        {
          Allow: route.method === 'GET' ? 'GET, HEAD' : route.method,
        },
      );
      return true;
    }
    if (route.auth && !tokensMatch(bearerOf(req), token)) {
      refuseUnauthorized(res, 'marquee', 'the token printed at start');
      return true;
    }
    switch (route.name) {
      case 'health':
        sendJson(
          res,
          200,
          options.health?.() ?? { ok: true, name: 'marquee', screens: target.states().map((s) => s.screen) },
        );
        return true;
      case 'state': {
        const screens = target.states();
        sendJson(res, 200, { ok: true, state: screens[0] ?? null, screens });
        return true;
      }
      case 'playlist': {
        const screen = url.searchParams.get('screen') ?? undefined;
        const slides = target.playlist(screen);
        if (!slides) {
          sendJson(res, 404, errorReply(null, 'unknown-screen', `no screen named "${screen}"`));
          return true;
        }
        sendJson(res, 200, { ok: true, screen: screen ?? target.states()[0]?.screen ?? null, slides });
        return true;
      }
      case 'commands': {
        const body = await readBody(req);
        if (body.kind === 'too-large') {
          sendJson(
            res,
            413,
            errorReply(null, 'too-large', `the body may be at most ${MAX_BODY_BYTES} bytes`),
            { Connection: 'close' },
          );
          return true;
        }
        if (body.kind === 'error') return true;
        const reply = await gateway.handleText(body.text, { kind: 'http', client: ip });
        sendJson(res, httpStatusOf(reply), reply);
        return true;
      }
      case 'screenshot':
        if (options.screenshot === undefined)
          sendJson(res, 503, refusalBody('screen-not-seen', 'this host takes no screenshots'));
        else await options.screenshot(req, res, url, ip);
        return true;
      default:
        return assertNever(route.name);
    }
  };

  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
    const url = new URL(req.url ?? '/', 'http://marquee.invalid');
    if (url.pathname !== '/api/ws') return false;
    const ip = req.socket.remoteAddress ?? 'unknown';
    if (!limiter.take(ip).allowed) return refuseUpgrade(socket, 429, 'Too Many Requests');
    if (!originMatchesHost(req.headers.origin, req.headers.host))
      return refuseUpgrade(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const presented = ws.protocol.startsWith(TOKEN_PROTOCOL_PREFIX)
        ? ws.protocol.slice(TOKEN_PROTOCOL_PREFIX.length)
        : null;
      if (presented !== null && !tokensMatch(presented, token)) {
        ws.send(
          JSON.stringify(
            errorReply(null, 'unauthorized', 'wrong token: scan the QR code printed at start again'),
          ),
        );
        ws.close(4401, 'bad token');
        return;
      }
      serveSocket(ws, ip, presented !== null);
    });
    return true;
  };

  const serveSocket = (ws: WebSocket, ip: string, authorised: boolean): void => {
    let authed = authorised;
    const welcome = (): void => {
      clients.add(ws);
      const screens = target.states();
      ws.send(JSON.stringify(helloPush(screens)));
      for (const s of screens) {
        const push = playlistOf(s.screen);
        if (push) ws.send(JSON.stringify(push));
      }
    };
    // Why: a client that never authenticates must not hold a connection open.
    const authTimer = authed ? null : setTimeout(() => ws.close(4401, 'no token'), 10_000);
    if (authed) welcome();
    sockets.add(ws);
    ws.on('close', () => {
      sockets.delete(ws);
      clients.delete(ws);
      if (authTimer) clearTimeout(authTimer);
    });
    ws.on('error', () => ws.terminate());
    let chain: Promise<void> = Promise.resolve();
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      if (!authed) {
        const presented = readAuth(text);
        if (!tokensMatch(presented, token)) {
          ws.send(
            JSON.stringify(
              errorReply(
                null,
                'unauthorized',
                'send {"type":"auth","token":"…"} first, with the token printed at start',
              ),
            ),
          );
          ws.close(4401, 'bad token');
          return;
        }
        authed = true;
        if (authTimer) clearTimeout(authTimer);
        welcome();
        return;
      }
      const limited = limiter.take(ip);
      if (!limited.allowed) {
        ws.send(
          JSON.stringify(
            // Why: with its command's id, so the client's wait for the reply ends and staff read the refusal.
            errorReply(
              commandIdOf(text),
              'rate-limited',
              `too many commands; try again in ${Math.ceil(limited.retryAfterMs / 1000)} s`,
            ),
          ),
        );
        return;
      }
      chain = chain.then(async () => {
        const reply = await gateway.handleText(text, { kind: 'ws', client: ip });
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
      });
    });
  };

  return {
    handleRequest,
    handleUpgrade,
    setToken(next) {
      token = next;
      for (const ws of sockets) ws.close(4401, 'token rotated');
    },
    close() {
      offState();
      for (const ws of clients) ws.terminate();
      wss.close();
    },
  };
}

/** A LAN API listening on its own port. */
export type LanServer = Readonly<{
  server: Server;
  url: string;
  /** See `LanApi.setToken`. */
  setToken(token: string): void;
  close(): Promise<void>;
}>;

/** The venue's certificate (with its chain) and private key, PEM, for HTTPS/WSS. */
export type LanTls = Readonly<{ cert: Buffer | string; key: Buffer | string }>;

/**
 * Starts the LAN API on `host:port` with its own HTTP server (what `--control-listen` turns on), or an
 * HTTPS one with `tls` (the WebSocket is then WSS on the same port).
 */
export async function startLanServer(
  listen: Readonly<{ host: string; port: number }>,
  options: LanApiOptions,
  tls: LanTls | null = null,
): Promise<LanServer> {
  const api = createLanApi(options);
  const guard = createHostGuard({ listen: listen.host, allowedHosts: options.allowedHosts ?? [] });
  const handler: RequestListener = (req, res) => {
    if (!guard.admitRequest(req, res)) return;
    api.handleRequest(req, res).then(
      (handled) => {
        if (handled) return;
        if (req.url === '/' || req.url === '') {
          res.writeHead(302, { Location: '/remote' }).end();
          return;
        }
        sendJson(
          res,
          404,
          errorReply(
            null,
            'bad-command',
            `nothing at ${req.url}; the remote is at /remote, the API under /api/`,
          ),
        );
      },
      (err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, errorReply(null, 'internal', String(err)));
        else res.destroy();
      },
    );
  };
  // Why: https.Server is a tls.Server, not an http.Server, in the types; both serve the same handler.
  const server = (tls === null ? createServer(handler) : createTlsServer(tls, handler)) as Server;
  server.on('upgrade', (req, socket, head) => {
    if (!guard.admitUpgrade(req, socket)) return;
    if (!api.handleUpgrade(req, socket, head)) refuseUpgrade(socket, 404, 'Not Found');
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  const url = await listenHttp(server, listen, 'remote control', '--control-listen');
  return {
    server,
    url: tls === null ? url : url.replace(/^http:/, 'https:'),
    setToken: api.setToken,
    close: () =>
      new Promise<void>((resolve) => {
        api.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type RouteName = 'health' | 'state' | 'playlist' | 'commands' | 'screenshot';
const ROUTES: Readonly<Record<string, { name: RouteName; method: 'GET' | 'POST'; auth: boolean }>> = {
  '/api/health': { name: 'health', method: 'GET', auth: false },
  '/api/state': { name: 'state', method: 'GET', auth: true },
  '/api/playlist': { name: 'playlist', method: 'GET', auth: true },
  '/api/commands': { name: 'commands', method: 'POST', auth: true },
  '/api/screenshot': { name: 'screenshot', method: 'GET', auth: true },
};

function readAuth(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    if (
      typeof value === 'object' &&
      value !== null &&
      'type' in value &&
      value.type === 'auth' &&
      'token' in value
    ) {
      return typeof value.token === 'string' ? value.token : null;
    }
  } catch {
    return null;
  }
  return null;
}
