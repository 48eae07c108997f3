import { FIRST_VIEW_ELEMENT_ID } from '../../core/channels/firstView';
import { presentedMessage } from '../../core/channels/presentedMessage';
import type { RendererApi, RendererToHost, ShowMessage } from '../../core/channels/rendererChannel';
import { RENDERER_TOKEN_FRAGMENT, RENDERER_TOKEN_PROTOCOL } from '../../core/channels/rendererToken';
import type { ShowView } from '../../core/view/showView';

/** Reconnect delays: doubling from the first to the last, then staying at the last. */
export const RECONNECT_MS = { first: 500, last: 10_000 } as const;

/** The next reconnect delay after `previous` (null: the first attempt). */
export function nextDelay(previous: number | null): number {
  return previous === null ? RECONNECT_MS.first : Math.min(RECONNECT_MS.last, previous * 2);
}

/** The WebSocket URL of the renderer channel for a page at `location` (ws: for http:, wss: for https:). */
export function rendererSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/renderer`;
}

/** The renderer token in a page's URL fragment (`#renderer-token=…`), or null: a loopback kiosk needs none. */
export function rendererTokenFrom(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get(RENDERER_TOKEN_FRAGMENT);
  return token === null || token === '' ? null : token;
}

function isReloadMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'reload';
}

function isShowMessage(data: unknown): data is ShowMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { type?: unknown; view?: unknown };
  if (m.type !== 'show' || typeof m.view !== 'object' || m.view === null) return false;
  const v = m.view as { seq?: unknown; event?: unknown };
  return typeof v.seq === 'number' && typeof v.event === 'object' && v.event !== null;
}

/** The `show` message browser mode inlined in the page (`withFirstView`), or null when there is none or it is not one. */
export function inlinedFirstView(doc: Pick<Document, 'getElementById'> | undefined): ShowView | null {
  const text = doc?.getElementById(FIRST_VIEW_ELEMENT_ID)?.textContent;
  if (text === undefined || text === null || text === '') return null;
  try {
    const data: unknown = JSON.parse(text);
    return isShowMessage(data) ? data.view : null;
  } catch {
    return null;
  }
}

/** Most acknowledgements kept while the socket is not open yet (one a slide; the host drops stale seqs). */
const MAX_QUEUED = 16;

/** The browser-mode RendererApi, plus `close()`: drops the connection and stops reconnecting (for tests and teardown). */
export type WebSocketApi = RendererApi & Readonly<{ close(): void }>;

/**
 * The browser-mode RendererApi: talks to the host over `/ws/renderer`, reconnects with back-off, and
 * keeps the last view on screen while the connection is down. It starts from the view inlined in the page, when
 * there is one, so the first slide is painted before the socket opens; acknowledgements made while the socket is
 * not open are sent once it is (the page's first slide is acknowledged before its socket is up), other messages
 * sent meanwhile are dropped (a key pressed offline must not act later).
 */
export function createWebSocketApi(
  url: string = rendererSocketUrl(window.location),
  token: string | null = rendererTokenFrom(globalThis.location?.hash ?? ''),
  first: ShowView | null = inlinedFirstView(globalThis.document),
): WebSocketApi {
  // Why: the token rides as the sub-protocol; a fragment is never sent to a server and survives reloads.
  const protocols = token === null ? [] : [`${RENDERER_TOKEN_PROTOCOL}${token}`];
  const listeners = new Set<(view: ShowView) => void>();
  let last: ShowView | null = first;
  const queued: RendererToHost[] = [];
  let socket: WebSocket | null = null;
  let delay: number | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const send = (message: RendererToHost): void => {
    if (socket !== null && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    else if (message.type === 'presented' && queued.length < MAX_QUEUED) queued.push(message);
  };

  const connect = (): void => {
    const ws = new WebSocket(url, protocols);
    socket = ws;
    ws.addEventListener('open', () => {
      delay = null;
      for (const message of queued.splice(0)) ws.send(JSON.stringify(message));
    });
    ws.addEventListener('message', (event) => {
      let data: unknown;
      try {
        data = JSON.parse(String(event.data));
      } catch {
        console.warn('Marquee renderer: ignored a message from the host that is not JSON');
        return;
      }
      if (isReloadMessage(data)) {
        // Why: the host's watchdog saw no acknowledgement for too long; a fresh page gets the current view on connect.
        console.warn(
          'Marquee renderer: the host asked for a reload (no slide was acknowledged for too long)',
        );
        window.location.reload();
        return;
      }
      if (!isShowMessage(data)) {
        console.warn('Marquee renderer: ignored a host message that is not {type:"show", view}');
        return;
      }
      if (last !== null && data.view.seq < last.seq) {
        // Why: seq only grows within one host run; a smaller one means the host restarted, and the page's record
        // of acknowledged seqs would swallow the new run's acknowledgements. A fresh page starts clean.
        console.warn('Marquee renderer: the host restarted; reloading the page');
        window.location.reload();
        return;
      }
      last = data.view;
      for (const l of listeners) l(data.view);
    });
    ws.addEventListener('close', () => {
      if (socket !== ws || closed) return;
      socket = null;
      delay = nextDelay(delay);
      retry = setTimeout(connect, delay);
    });
  };
  connect();

  return {
    onShow(listener) {
      listeners.add(listener);
      if (last !== null) listener(last);
      return () => listeners.delete(listener);
    },
    presented(seq, mediaDurationMs, paintedAt, missedFrames) {
      send(presentedMessage(seq, mediaDurationMs, paintedAt, missedFrames));
    },
    problem(seq, kind, ref, message) {
      send({ type: 'problem', seq, kind, ref, message });
    },
    videoTime(seq, mediaS, at, playbackRate) {
      send({ type: 'video-time', seq, mediaS, at, playbackRate });
    },
    key(action) {
      send({ type: 'key', action });
    },
    close() {
      closed = true;
      clearTimeout(retry);
      socket?.close();
      socket = null;
      listeners.clear();
    },
  };
}
