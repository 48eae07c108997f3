import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHostGuard } from '../http/hostGuard';
import type { Duplex } from 'node:stream';
import type { z } from 'zod';
import { parseFleetCommand } from '../../core/channels/fleetContract';
import { AlertRequest, type AlertResult, SendRequest } from '../../core/channels/hubApiContract';
import { errorReply } from '../../core/control/replies';
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
import { type BucketConfig, DEFAULT_BUCKET, RateLimiter } from '../control/rateLimiter';
import { tokensMatch } from '../control/tokenStore';
import { BrokerSilent, type HubLink } from './hubLink';

/** What the hub's HTTP server serves. */
export type HubServerOptions = Readonly<{
  link: HubLink;
  token: string;
  /** The built fleet remote (dist/fleet-remote); null: `/fleet/` answers 404. */
  fleetRemoteDir: string | null;
  /** Takes MQTT-over-WebSocket upgrades (the embedded broker's `/mqtt`); false for other paths. */
  upgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;
  rateLimit?: BucketConfig;
  /** How long a command waits for the screens' replies (default 3 s). */
  replyWaitMs?: number;
  /** Names besides loopback and the listen address that the hub answers (DNS-rebinding guard). */
  allowedHosts?: readonly string[];
}>;

/** The hub's HTTP server, listening. */
export type HubServer = Readonly<{ server: Server; url: string; close(): Promise<void> }>;

/**
 * Starts the hub's HTTP API and fleet remote on `host:port`: `GET /api/fleet`, `GET /api/fleet/thumbnails`, `POST /api/fleet/commands`,
 * `POST /api/fleet/alert` with the bearer token and rate limit of the LAN API, `GET /api/health` without.
 */
export async function startHubServer(
  listen: Readonly<{ host: string; port: number }>,
  options: HubServerOptions,
): Promise<HubServer> {
  const limiter = new RateLimiter(options.rateLimit ?? DEFAULT_BUCKET);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://marquee.invalid').pathname;
    if (path === '/') {
      res.writeHead(302, { Location: '/fleet/' }).end();
      return;
    }
    if (path === '/fleet' || path.startsWith('/fleet/')) {
      await serveRemote(req, res, path, options.fleetRemoteDir, '/fleet');
      return;
    }
    if (path === '/api/health') {
      sendJson(res, 200, { ok: true, name: 'marquee-hub', connected: options.link.connected() });
      return;
    }
    const route = ROUTES[path];
    if (route === undefined) {
      sendJson(
        res,
        404,
        errorReply(null, 'bad-command', `no endpoint ${path}; see ${Object.keys(ROUTES).join(', ')}`),
      );
      return;
    }
    const limited = limiter.take(req.socket.remoteAddress ?? 'unknown');
    if (!limited.allowed) {
      const seconds = Math.max(1, Math.ceil(limited.retryAfterMs / 1000));
      sendJson(res, 429, errorReply(null, 'rate-limited', `too many requests; try again in ${seconds} s`), {
        'Retry-After': String(seconds),
      });
      return;
    }
    if (req.method !== route.method) {
      sendJson(
        res,
        405,
        errorReply(null, 'bad-command', `${path} accepts ${route.method} only (got ${req.method})`),
        {
          Allow: route.method,
        },
      );
      return;
    }
    if (!tokensMatch(bearerOf(req), options.token)) {
      refuseUnauthorized(res, 'marquee-hub', 'printed by marquee hub');
      return;
    }
    if (route.name === 'fleet') {
      sendJson(res, 200, options.link.snapshot());
      return;
    }
    if (route.name === 'thumbnails') {
      const since = new URL(req.url ?? '/', 'http://marquee.invalid').searchParams.get('since');
      if (since !== null && !/^\d{1,16}$/.test(since)) {
        sendJson(
          res,
          400,
          errorReply(null, 'bad-argument', 'since must be a time in epoch ms, e.g. since=1545271830000'),
        );
        return;
      }
      sendJson(res, 200, options.link.thumbnails(since === null ? null : Number(since)));
      return;
    }
    const body = await readBody(req);
    if (body.kind === 'too-large') {
      sendJson(res, 413, errorReply(null, 'too-large', `the body may be at most ${MAX_BODY_BYTES} bytes`));
      return;
    }
    if (body.kind === 'error') return;
    const schema = route.name === 'commands' ? SendRequest : AlertRequest;
    const parsed = parseBody(schema, body.text, path);
    if (!parsed.ok) {
      sendJson(res, 400, errorReply(null, 'bad-command', parsed.message));
      return;
    }
    if (route.name === 'commands') {
      const request = parsed.value as SendRequest;
      const check = parseFleetCommand(JSON.stringify({ ...request.command, id: 'check' }));
      if (!check.ok) {
        sendJson(res, 400, errorReply(null, check.error.code, `command: ${check.error.message}`));
        return;
      }
      sendJson(res, 200, await options.link.send(request, options.replyWaitMs ?? 3_000));
    } else {
      const result: AlertResult = {
        ok: true,
        alert: await options.link.setAlert(parsed.value as AlertRequest),
      };
      sendJson(res, 200, result);
    }
  };
  const guard = createHostGuard({ listen: listen.host, allowedHosts: options.allowedHosts ?? [] });
  const server = createServer((req, res) => {
    if (!guard.admitRequest(req, res)) return;
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) res.destroy();
      else if (err instanceof BrokerSilent) sendJson(res, 503, errorReply(null, 'unavailable', err.message));
      else sendJson(res, 500, errorReply(null, 'internal', String(err)));
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (!guard.admitUpgrade(req, socket)) return;
    if (!options.upgrade?.(req, socket, head)) refuseUpgrade(socket, 404, 'Not Found');
  });
  const url = await listenHttp(server, listen, 'the hub', '--listen');
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type RouteName = 'fleet' | 'thumbnails' | 'commands' | 'alert';
const ROUTES: Readonly<Record<string, { name: RouteName; method: 'GET' | 'POST' }>> = {
  '/api/fleet': { name: 'fleet', method: 'GET' },
  '/api/fleet/thumbnails': { name: 'thumbnails', method: 'GET' },
  '/api/fleet/commands': { name: 'commands', method: 'POST' },
  '/api/fleet/alert': { name: 'alert', method: 'POST' },
};

function parseBody(
  schema: z.ZodType,
  text: string,
  path: string,
): Readonly<{ ok: true; value: unknown }> | Readonly<{ ok: false; message: string }> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: `${path}: the body is not JSON; see docs/hub.md` };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    message: `${path}: ${issue?.path.join('.') || 'body'} ${issue?.message ?? 'is wrong'} (see docs/hub.md)`,
  };
}
