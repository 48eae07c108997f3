import { useCallback, useEffect, useRef, useState } from 'react';
import type { ControlState, PlaylistItem } from '../core/control/controlState';
import { type RemoteReply, readLanInbound, toRemoteReply } from './lanInbox';
import { assertNever } from '../core/assertNever';
import { backoffMs, socketUrl, TOKEN_KEY, tokenFromHash } from './remoteConnection';

/** Where the connection to the host stands. */
export type Connection =
  | Readonly<{ kind: 'no-token'; rejected: boolean }>
  | Readonly<{ kind: 'connecting' }>
  | Readonly<{ kind: 'online' }>
  | Readonly<{ kind: 'offline'; retryAt: number }>;

/** A screen's state and when it arrived (for live countdowns). */
export type ScreenState = Readonly<{ state: ControlState; receivedAt: number }>;

/** Everything the remote shows and can do. */
export type Remote = Readonly<{
  connection: Connection;
  screens: readonly ScreenState[];
  playlists: Readonly<Record<string, readonly PlaylistItem[]>>;
  /** Sends a command (without id); resolves with the host's state, or why there is none (never rejects). */
  send(command: Record<string, unknown>): Promise<RemoteReply>;
  /** The LAN API token the remote holds (also for its HTTP requests, such as the live screen); null: none yet. */
  token: string | null;
  setToken(token: string): void;
  retryNow(): void;
}>;

function initialToken(): string | null {
  const fromHash = tokenFromHash(window.location.hash);
  if (fromHash) {
    localStorage.setItem(TOKEN_KEY, fromHash);
    // Why: the token should not stay visible in the address bar or be shared with a screenshot.
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return localStorage.getItem(TOKEN_KEY);
}

/** Keeps a WebSocket to the host open (reconnecting with back-off) and mirrors its state. */
export function useRemote(): Remote {
  const [token, setTokenState] = useState<string | null>(initialToken);
  const [connection, setConnection] = useState<Connection>(
    token ? { kind: 'connecting' } : { kind: 'no-token', rejected: false },
  );
  const [screens, setScreens] = useState<readonly ScreenState[]>([]);
  const [playlists, setPlaylists] = useState<Readonly<Record<string, readonly PlaylistItem[]>>>({});
  const wsRef = useRef<WebSocket | null>(null);
  const pending = useRef(new Map<number, (reply: RemoteReply) => void>());
  const nextId = useRef(1);
  const attempt = useRef(0);
  const [kick, setKick] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `kick` restarts the connection when staff tap "Retry now".
  useEffect(() => {
    if (!token) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const failPending = () => {
      for (const [, resolve] of pending.current) {
        resolve({ ok: false, id: null, refusal: { kind: 'no-answer', detail: null } });
      }
      pending.current.clear();
    };
    const connect = () => {
      setConnection({ kind: 'connecting' });
      const ws = new WebSocket(socketUrl(window.location), [`marquee-token.${token}`]);
      wsRef.current = ws;
      ws.onopen = () => {
        attempt.current = 0;
        setConnection({ kind: 'online' });
      };
      /** Ends command `id`'s wait with its answer (once: a later answer to it is dropped). */
      const settle = (id: number, reply: RemoteReply): void => {
        const resolve = pending.current.get(id);
        pending.current.delete(id);
        resolve?.(reply);
      };
      ws.onmessage = (event) => {
        let data: unknown;
        try {
          data = JSON.parse(String(event.data));
        } catch {
          return;
        }
        const message = readLanInbound(data);
        if (message === null) {
          console.warn('Marquee remote: ignored a message from the host that is no push or reply');
          return;
        }
        if (message.kind === 'unreadable-reply') {
          // Why: the command's promise would otherwise never settle and its button would wait forever.
          console.warn('Marquee remote: a reply from the host did not pass its schema');
          settle(message.id, { ok: false, id: message.id, refusal: message.refusal });
          return;
        }
        const at = Date.now();
        if (message.kind === 'push') {
          const push = message.push;
          if (push.type === 'hello') setScreens(push.screens.map((state) => ({ state, receivedAt: at })));
          else if (push.type === 'state') {
            const incoming = push.state;
            setScreens((old) => {
              const found = old.some((s) => s.state.screen === incoming.screen);
              const entry = { state: incoming, receivedAt: at };
              return found
                ? old.map((s) => (s.state.screen === incoming.screen ? entry : s))
                : [...old, entry];
            });
          } else if (push.type === 'playlist') {
            const { screen, slides } = push;
            setPlaylists((old) => ({ ...old, [screen]: slides }));
          } else assertNever(push);
          return;
        }
        const msg = message.reply;
        if (typeof msg.id === 'number') settle(msg.id, toRemoteReply(msg));
        if (msg.ok) {
          const state = msg.state;
          const all = msg.screens ?? [state];
          setScreens((old) =>
            old.map((s) => {
              const fresh = all.find((x) => x.screen === s.state.screen);
              return fresh ? { state: fresh, receivedAt: at } : s;
            }),
          );
        }
      };
      ws.onclose = (event) => {
        // Why: a socket closed by an earlier effect run must not clear the one that replaced it.
        if (stopped || wsRef.current !== ws) return;
        wsRef.current = null;
        failPending();
        if (event.code === 4401) {
          localStorage.removeItem(TOKEN_KEY);
          setTokenState(null);
          setConnection({ kind: 'no-token', rejected: true });
          return;
        }
        const wait = backoffMs(attempt.current++, Math.random());
        setConnection({ kind: 'offline', retryAt: Date.now() + wait });
        timer = setTimeout(connect, wait);
      };
    };
    connect();
    const wake = () => {
      if (document.visibilityState === 'visible' && wsRef.current === null && timer !== null) {
        clearTimeout(timer);
        timer = null;
        attempt.current = 0;
        connect();
      }
    };
    window.addEventListener('online', wake);
    document.addEventListener('visibilitychange', wake);
    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', wake);
      wsRef.current?.close();
      wsRef.current = null;
      failPending();
    };
  }, [token, kick]);

  const send = useCallback((command: Record<string, unknown>): Promise<RemoteReply> => {
    const ws = wsRef.current;
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      return Promise.resolve({ ok: false, id: null, refusal: { kind: 'no-answer', detail: null } });
    }
    const id = nextId.current++;
    return new Promise((resolve) => {
      pending.current.set(id, resolve);
      ws.send(JSON.stringify({ ...command, id }));
    });
  }, []);

  const setToken = useCallback((value: string) => {
    const t = tokenFromHash(
      value.includes('token=') ? value.slice(value.indexOf('token=')) : `token=${value}`,
    );
    if (!t) return;
    localStorage.setItem(TOKEN_KEY, t);
    setTokenState(t);
  }, []);

  const retryNow = useCallback(() => {
    attempt.current = 0;
    setKick((k) => k + 1);
  }, []);

  return { connection, screens, playlists, send, token, setToken, retryNow };
}
