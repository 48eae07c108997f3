import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { type HostToRenderer, RendererToHost } from '../../core/channels/rendererChannel';
import { RENDERER_TOKEN_PROTOCOL } from '../../core/channels/rendererToken';
import type { ShowView } from '../../core/view/showView';
import { type Bucket, type BucketConfig, takeToken } from '../control/rateLimiter';
import { tokensMatch } from '../control/tokenStore';
import { createRendererInbox, type InboxHost, type RendererInboxOptions } from '../show/rendererInbox';
import { isLoopbackHost } from './hostAllowList';
import { presentedRendererToken } from './rendererToken';

/** The part of a PlayerHost the renderer socket uses. */
export interface RendererSocketHost extends InboxHost {
  getView(): ShowView;
  onView(listener: (view: ShowView) => void): () => void;
}

/** Options of `createRendererSocket`: the renderer inbox's, with a host that also gives views. */
export type RendererSocketOptions = RendererInboxOptions &
  Readonly<{
    host: RendererSocketHost;
    /** How often dead connections are looked for. Default 30 s. */
    heartbeatMs?: number;
    /** The token a renderer on another machine must present; null: loopback renderers only. */
    token: string | null;
    /** Most renderers connected at once. Default `DEFAULT_MAX_RENDERERS`. */
    maxClients?: number;
    /** Messages one renderer may send: a burst, then a steady rate; more are dropped unread. */
    rate?: BucketConfig;
    /** Clock of the rate limit (ms). Default Date.now. */
    now?: () => number;
    /** Which peer addresses are this machine. Default: loopback; tests make loopback count as another machine. */
    isLocalPeer?: (address: string) => boolean;
  }>;

/** The renderer WebSocket of browser mode: accepts upgrades, pushes views, feeds renderer messages to the host. */
export type RendererSocket = Readonly<{
  handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Number of renderers connected. */
  clients: () => number;
  /** Tells every connected renderer to reload its page (the watchdog's remedy); returns how many were told. */
  reload: () => number;
  close: () => Promise<void>;
}>;

/** Largest message a renderer may send; its messages are a few dozen bytes. */
const MAX_MESSAGE_BYTES = 16 * 1024;

/** The default cap on renderers at once (a real show has one to a few dozen kiosk browsers per host). */
export const DEFAULT_MAX_RENDERERS = 32;

/**
 * The default message rate of one renderer. Why: a renderer sends one `presented` per slide, a `problem` per
 * broken asset (a sponsor wall offline: a few dozen at once) and keys at clicker speed; 10,000 forged keys
 * froze the host for 1.9 s before this limit.
 */
export const RENDERER_RATE: BucketConfig = { capacity: 100, refillPerSecond: 20 };

/** Whether a renderer may connect, or why not. */
export type RendererAdmission = 'ok' | 'full' | 'needs-token' | 'local-only';

/** What `admitRenderer` looks at. */
export type AdmissionInput = Readonly<{
  peerAddress: string;
  /** The token the upgrade presented (sub-protocol), or null. */
  presented: string | null;
  /** The renderer token when the show is served to other machines; null: this machine only. */
  token: string | null;
  connected: number;
  max: number;
  isLocal: (address: string) => boolean;
}>;

/**
 * Decides a renderer upgrade: never past the cap; a renderer on this machine always; one on another machine
 * only when the show is served to other machines on purpose (a token exists) and it presents that token.
 */
export function admitRenderer(input: AdmissionInput): RendererAdmission {
  if (input.connected >= input.max) return 'full';
  if (input.isLocal(input.peerAddress)) return 'ok';
  if (input.token === null) return 'local-only';
  return tokensMatch(input.presented, input.token) ? 'ok' : 'needs-token';
}

const REFUSALS: Readonly<
  Record<Exclude<RendererAdmission, 'ok'>, { status: string; message: (max: number) => string }>
> = {
  full: {
    status: '503 Service Unavailable',
    message: (max) => `refused a renderer: ${max} are connected already`,
  },
  'needs-token': {
    status: '401 Unauthorized',
    message: () =>
      'refused a renderer from another machine without the renderer token: open the show URL with ' +
      '#renderer-token=… (printed at start; the token is in the renderer-token file of the config folder)',
  },
  'local-only': {
    status: '403 Forbidden',
    message: () =>
      'refused a renderer from another machine: the show is served to this machine only (--host)',
  },
};

/** How often one renderer's dropped messages are reported. */
const DROP_REPORT_MS = 10_000;

/**
 * Speaks the renderer contract over WebSocket: `{type:'show', view}` on connect and on every change;
 * every incoming message is checked with the `RendererToHost` schema (anything else is logged and dropped)
 * and handed to the renderer inbox.
 */
export function createRendererSocket(options: RendererSocketOptions): RendererSocket {
  const { host, logger } = options;
  const now = options.now ?? Date.now;
  const rate = options.rate ?? RENDERER_RATE;
  const maxClients = options.maxClients ?? DEFAULT_MAX_RENDERERS;
  const inbox = createRendererInbox(options);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (protocols) =>
      [...protocols].find((p) => p.startsWith(RENDERER_TOKEN_PROTOCOL)) ?? false,
  });
  const alive = new WeakMap<WebSocket, boolean>();
  const showText = (view: ShowView): string =>
    JSON.stringify({ type: 'show', view } satisfies HostToRenderer);

  // Why: a view is serialized once per push, not once per renderer (a large playlist times five renderers stalled the host).
  const offView = host.onView((view) => {
    if (wss.clients.size === 0) return;
    const text = showText(view);
    for (const ws of wss.clients) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  wss.on('connection', (ws, req) => {
    const peer = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
    logger.info({ peer, screen: host.screen }, 'renderer connected');
    alive.set(ws, true);
    let bucket: Bucket | undefined;
    let dropped = 0;
    let reportedAt = Number.NEGATIVE_INFINITY;
    ws.on('pong', () => alive.set(ws, true));
    ws.on('message', (data, isBinary) => {
      const taken = takeToken(bucket, now(), rate);
      bucket = taken.bucket;
      if (taken.allowed) {
        receive(data.toString(), isBinary, peer);
        return;
      }
      // Why: a flood is dropped unread (no decoding, no schema, no log line each), so it costs microseconds a message.
      dropped++;
      if (now() - reportedAt >= DROP_REPORT_MS) {
        reportedAt = now();
        logger.warn(
          { peer, dropped, limit: rate },
          `dropped ${dropped} messages from a renderer over its rate limit`,
        );
      }
    });
    ws.on('close', () => logger.info({ peer, dropped }, 'renderer disconnected'));
    ws.on('error', (err) => logger.warn({ peer, err: String(err) }, 'renderer connection error'));
    if (ws.readyState === ws.OPEN) ws.send(showText(host.getView()));
  });

  const receive = (text: string, isBinary: boolean, peer: string): void => {
    let json: unknown;
    try {
      json = isBinary ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = RendererToHost.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      logger.warn(
        { peer, problem: issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'not JSON' },
        'dropped an invalid message from a renderer',
      );
      return;
    }
    inbox(parsed.data, peer);
  };

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  return {
    handleUpgrade: (req, socket, head) => {
      const admission = admitRenderer({
        peerAddress: req.socket.remoteAddress ?? '',
        presented: presentedRendererToken(req.headers['sec-websocket-protocol']),
        token: options.token,
        connected: wss.clients.size,
        max: maxClients,
        isLocal: options.isLocalPeer ?? isLoopbackHost,
      });
      if (admission !== 'ok') {
        logger.warn(
          {
            peer: req.socket.remoteAddress,
            refused: admission,
            renderers: wss.clients.size,
            max: maxClients,
          },
          REFUSALS[admission].message(maxClients),
        );
        socket.end(
          `HTTP/1.1 ${REFUSALS[admission].status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
        );
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    clients: () => wss.clients.size,
    reload: () => {
      const message: HostToRenderer = { type: 'reload' };
      let told = 0;
      for (const ws of wss.clients) {
        if (ws.readyState !== ws.OPEN) continue;
        ws.send(JSON.stringify(message));
        told++;
      }
      return told;
    },
    close: async () => {
      clearInterval(heartbeat);
      offView();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
