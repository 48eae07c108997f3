import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { type HostToRenderer, RendererToHost } from '../../core/channels/rendererChannel';
import type { ShowView } from '../../core/view/showView';
import { createRendererInbox, type InboxHost, type RendererInboxOptions } from '../show/rendererInbox';

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

/**
 * Speaks the renderer contract over WebSocket: `{type:'show', view}` on connect and on every change;
 * every incoming message is checked with the `RendererToHost` schema (anything else is logged and dropped)
 * and handed to the renderer inbox.
 */
export function createRendererSocket(options: RendererSocketOptions): RendererSocket {
  const { host, logger } = options;
  const inbox = createRendererInbox(options);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const alive = new WeakMap<WebSocket, boolean>();
  const send = (ws: WebSocket, view: ShowView): void => {
    const message: HostToRenderer = { type: 'show', view };
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };

  const offView = host.onView((view) => {
    for (const ws of wss.clients) send(ws, view);
  });

  wss.on('connection', (ws, req) => {
    const peer = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
    logger.info({ peer, screen: host.screen }, 'renderer connected');
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('message', (data, isBinary) => receive(data.toString(), isBinary, peer));
    ws.on('close', () => logger.info({ peer }, 'renderer disconnected'));
    ws.on('error', (err) => logger.warn({ peer, err: String(err) }, 'renderer connection error'));
    send(ws, host.getView());
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
    handleUpgrade: (req, socket, head) =>
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)),
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
