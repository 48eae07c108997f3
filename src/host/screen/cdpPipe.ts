import type { Readable, Writable } from 'node:stream';

/** A DevTools-protocol connection to a browser this host started with `--remote-debugging-pipe`. */
export type CdpPipe = Readonly<{
  /** Sends one command (to the browser, or to an attached target's `sessionId`) and resolves with its result. */
  send(
    method: string,
    params?: Record<string, unknown>,
    sessionId?: string,
  ): Promise<Record<string, unknown>>;
  /** Whether the browser is still on the other end. */
  open(): boolean;
  close(): void;
}>;

/** How long a command may take before it is given up (a hung browser must not hang the watchdog). */
const COMMAND_TIMEOUT_MS = 10_000;

/**
 * Speaks the DevTools protocol over the two pipes Chromium opens with `--remote-debugging-pipe` (it reads
 * fd 3 and writes fd 4; messages are JSON, each ended by a NUL byte), as Playwright does.
 */
export function cdpPipe(toBrowser: Writable, fromBrowser: Readable): CdpPipe {
  let nextId = 1;
  let alive = true;
  let buffered = '';
  const waiting = new Map<
    number,
    { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }
  >();
  const failAll = (why: string): void => {
    alive = false;
    for (const w of waiting.values()) w.reject(new Error(why));
    waiting.clear();
  };
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffered += chunk;
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const text = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      let message: { id?: number; result?: Record<string, unknown>; error?: { message?: string } };
      try {
        message = JSON.parse(text) as typeof message;
      } catch {
        continue;
      }
      if (message.id === undefined) continue;
      const w = waiting.get(message.id);
      if (w === undefined) continue;
      waiting.delete(message.id);
      if (message.error !== undefined) w.reject(new Error(message.error.message ?? 'DevTools error'));
      else w.resolve(message.result ?? {});
    }
  });
  fromBrowser.on('close', () => failAll('the browser closed its DevTools pipe'));
  fromBrowser.on('error', () => failAll('the browser closed its DevTools pipe'));
  toBrowser.on('error', () => failAll('the browser closed its DevTools pipe'));
  return {
    send(method, params = {}, sessionId) {
      if (!alive) return Promise.reject(new Error('the browser closed its DevTools pipe'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`${method}: no answer from the browser in ${COMMAND_TIMEOUT_MS} ms`));
        }, COMMAND_TIMEOUT_MS);
        waiting.set(id, {
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        });
        toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      });
    },
    open: () => alive,
    close() {
      failAll('closed');
      toBrowser.end();
    },
  };
}
