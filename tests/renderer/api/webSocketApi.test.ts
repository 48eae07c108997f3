import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { RendererToHost } from '../../../src/core/channels/rendererChannel';
import { Playlist } from '../../../src/core/playlist/schema';
import type { ShowView } from '../../../src/core/view/showView';
import { previewViews } from '../../../src/core/view/previewViews';
import { createWebSocketApi, RECONNECT_MS, type WebSocketApi } from '../../../src/renderer/api/webSocketApi';

const DEMO = join(import.meta.dirname, '..', '..', '..', 'assets', 'demo', 'playlist.json');

/** A loopback `ws` server speaking the host side of the renderer channel: it records every connection and message. */
type Host = Readonly<{
  url: string;
  port: number;
  sockets: WebSocket[];
  received: RendererToHost[];
  /** Raw texts that failed the RendererToHost schema (there must be none). */
  invalid: string[];
  close: () => Promise<void>;
}>;

async function startHost(port = 0): Promise<Host> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port, path: '/ws/renderer' });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const sockets: WebSocket[] = [];
  const received: RendererToHost[] = [];
  const invalid: string[] = [];
  wss.on('connection', (ws) => {
    sockets.push(ws);
    ws.on('message', (data) => {
      const text = String(data);
      const parsed = RendererToHost.safeParse(JSON.parse(text));
      if (parsed.success) received.push(parsed.data);
      else invalid.push(text);
    });
  });
  const actualPort = (wss.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${actualPort}/ws/renderer`,
    port: actualPort,
    sockets,
    received,
    invalid,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        wss.close(() => resolve());
      }),
  };
}

async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * The `ws` client made to behave like a browser's WebSocket where the client relies on it: a failed connection
 * fires an 'error' event and then 'close' (the `ws` EventEmitter would instead throw an unhandled 'error').
 */
class BrowserLikeWebSocket extends WebSocket {
  constructor(url: string) {
    super(url);
    this.on('error', () => undefined);
  }
}

function show(ws: WebSocket | undefined, view: ShowView): void {
  if (ws === undefined) throw new Error('no renderer connected');
  ws.send(JSON.stringify({ type: 'show', view }));
}

describe('createWebSocketApi against a loopback ws host', () => {
  let views: readonly ShowView[];
  const hosts: Host[] = [];
  const reload = vi.fn();
  const clients: WebSocketApi[] = [];
  const connect = (url: string): WebSocketApi => {
    const api = createWebSocketApi(url);
    clients.push(api);
    return api;
  };

  const view = (seq: number): ShowView => {
    const base = views[seq % views.length];
    if (base === undefined) throw new Error('the demo playlist has no slides');
    return { ...base, seq };
  };
  const host = async (port?: number): Promise<Host> => {
    const h = await startHost(port);
    hosts.push(h);
    return h;
  };

  beforeAll(() => {
    const playlist = Playlist.parse(JSON.parse(readFileSync(DEMO, 'utf8')));
    views = previewViews(playlist, Date.parse('2018-12-20T10:05:00+08:00'), { assetBase: '/media/' });
    // Why: Node 20 has no global WebSocket (it arrives in Node 22) and no window; the client gets the `ws` one and a
    // window whose reload the tests can see. Everything else is the real client over a real socket.
    vi.stubGlobal('WebSocket', BrowserLikeWebSocket);
    vi.stubGlobal('window', { location: { reload } });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await Promise.all(hosts.splice(0).map((h) => h.close()));
    reload.mockClear();
  });

  it('delivers the views in the order the host sends them, and the last one to a late listener', async () => {
    const h = await host();
    const api = connect(h.url);
    const seen: number[] = [];
    api.onShow((v) => seen.push(v.seq));
    await until('the renderer to connect', () => h.sockets.length === 1);
    for (const seq of [1, 2, 3, 4, 5]) show(h.sockets[0], view(seq));
    await until('five views', () => seen.length === 5);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    const late: number[] = [];
    api.onShow((v) => late.push(v.seq));
    expect(late).toEqual([5]);
  });

  it('shows the view the page came with at once, and sends its acknowledgement once the socket opens', async () => {
    const h = await host();
    const api = createWebSocketApi(h.url, null, view(9));
    clients.push(api);
    const seen: number[] = [];
    api.onShow((v) => seen.push(v.seq));
    expect(seen).toEqual([9]);
    // Made before the socket is open: kept and sent once it is (a key pressed meanwhile is not).
    api.presented(9);
    api.key('next');
    await until('the acknowledgement', () => h.received.length > 0);
    expect(h.received).toEqual([{ type: 'presented', seq: 9 }]);
  });

  it('drops malformed messages without throwing and keeps the connection', async () => {
    const h = await host();
    const api = connect(h.url);
    const seen: number[] = [];
    api.onShow((v) => seen.push(v.seq));
    await until('the renderer to connect', () => h.sockets.length === 1);
    const ws = h.sockets[0];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      for (const junk of [
        'not json',
        '',
        '[1,2]',
        'null',
        '{"type":"show"}',
        '{"type":"show","view":{"seq":"7","event":{}}}',
        '{"type":"show","view":{"seq":7}}',
        '{"type":"dance","view":{"seq":7,"event":{}}}',
      ])
        ws?.send(junk);
      show(ws, view(8));
      await until('the valid view after the junk', () => seen.length > 0);
      expect(seen).toEqual([8]);
      expect(warn).toHaveBeenCalledTimes(8);
    } finally {
      warn.mockRestore();
    }
    expect(h.sockets).toHaveLength(1);
    expect(ws?.readyState).toBe(WebSocket.OPEN);
    expect(reload).not.toHaveBeenCalled();
  });

  it('sends acknowledgements, problems and keys that the host schema accepts, in order', async () => {
    const h = await host();
    const api = connect(h.url);
    await until('the renderer to connect', () => h.sockets.length === 1);
    await until('the socket to open on the client side', () => {
      api.presented(0);
      return h.received.length > 0;
    });
    api.presented(3);
    api.presented(4, 12_500);
    api.problem(4, 'image-failed', 'speakers/missing.jpg', 'could not load /media/speakers/missing.jpg');
    api.key('next');
    // Why: the probes of seq 0 that found the socket open are left out; how many got through depends on timing.
    const laterMessages = (): RendererToHost[] =>
      h.received.filter((m) => !(m.type === 'presented' && m.seq === 0));
    await until('four messages', () => laterMessages().length === 4);
    expect(laterMessages()).toEqual([
      { type: 'presented', seq: 3 },
      { type: 'presented', seq: 4, mediaDurationMs: 12_500 },
      {
        type: 'problem',
        seq: 4,
        kind: 'image-failed',
        ref: 'speakers/missing.jpg',
        message: 'could not load /media/speakers/missing.jpg',
      },
      { type: 'key', action: 'next' },
    ]);
    expect(h.invalid).toEqual([]);
  });

  it('reconnects after the host closes the connection and acknowledges the view the host re-sends', async () => {
    const h = await host();
    const api = connect(h.url);
    const seen: number[] = [];
    api.onShow((v) => {
      seen.push(v.seq);
      api.presented(v.seq);
    });
    await until('the renderer to connect', () => h.sockets.length === 1);
    show(h.sockets[0], view(10));
    await until('the first acknowledgement', () => h.received.length === 1);
    const closedAt = Date.now();
    h.sockets[0]?.close(1001, 'host going away');
    await until('the renderer to reconnect', () => h.sockets.length === 2, RECONNECT_MS.first + 5_000);
    expect(Date.now() - closedAt).toBeGreaterThanOrEqual(RECONNECT_MS.first - 50);
    // Why: the host sends the current view on every connect; the page acknowledges it again on the new socket.
    show(h.sockets[1], view(10));
    show(h.sockets[1], view(11));
    await until('acknowledgements on the new connection', () => h.received.length === 3);
    expect(seen).toEqual([10, 10, 11]);
    expect(h.received).toEqual([
      { type: 'presented', seq: 10 },
      { type: 'presented', seq: 10 },
      { type: 'presented', seq: 11 },
    ]);
  });

  it('keeps retrying while the host is down and reconnects when it comes back on the same port', async () => {
    const first = await host();
    const api = connect(first.url);
    const seen: number[] = [];
    api.onShow((v) => seen.push(v.seq));
    await until('the renderer to connect', () => first.sockets.length === 1);
    show(first.sockets[0], view(20));
    await until('the view', () => seen.length === 1);
    await first.close();
    hosts.splice(hosts.indexOf(first), 1);
    // Two failed attempts at least (500 ms, then 1 s) before the host is back.
    await new Promise((r) => setTimeout(r, 1_800));
    // Sent while no host listens: dropped, never queued for the next connection.
    api.key('prev');
    const second = await host(first.port);
    await until('the renderer to reconnect', () => second.sockets.length === 1, 10_000);
    show(second.sockets[0], view(21));
    await until('the view from the restarted host', () => seen.length === 2);
    expect(seen).toEqual([20, 21]);
    await until('an acknowledgement on the new host', () => {
      api.presented(21);
      return second.received.length > 0;
    });
    expect(second.received[0]).toEqual({ type: 'presented', seq: 21 });
    expect(second.received.filter((m) => m.type === 'key')).toEqual([]);
  });

  it('reloads the page when the host asks, or when seq goes backwards (the host restarted)', async () => {
    const h = await host();
    const api = connect(h.url);
    const seen: number[] = [];
    api.onShow((v) => seen.push(v.seq));
    await until('the renderer to connect', () => h.sockets.length === 1);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      show(h.sockets[0], view(30));
      await until('the view', () => seen.length === 1);
      show(h.sockets[0], view(2));
      await until('a reload for the smaller seq', () => reload.mock.calls.length === 1);
      h.sockets[0]?.send(JSON.stringify({ type: 'reload' }));
      await until('a reload on request', () => reload.mock.calls.length === 2);
    } finally {
      warn.mockRestore();
    }
    expect(seen).toEqual([30]);
  });
});
