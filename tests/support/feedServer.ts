import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the feed server answers next: a body (with an ETag made from it), an HTTP error, or nothing at all. */
export type FeedAnswer =
  | Readonly<{ kind: 'body'; text: string; contentType?: string }>
  | Readonly<{ kind: 'status'; status: number }>
  | Readonly<{ kind: 'hang' }>;

/** A schedule feed on loopback whose answer a test changes between requests; it honours If-None-Match. */
export type FeedServer = Readonly<{
  url: string;
  set(answer: FeedAnswer): void;
  /** Every request so far, with its If-None-Match header. */
  requests: readonly Readonly<{ ifNoneMatch: string | null; answered: number | null }>[];
  close(): Promise<void>;
}>;

/** Starts a feed server on 127.0.0.1 at a free port, answering `first`. */
export async function startFeedServer(first: FeedAnswer, path = '/schedule.json'): Promise<FeedServer> {
  let answer = first;
  let version = 0;
  const requests: { ifNoneMatch: string | null; answered: number | null }[] = [];
  const hanging = new Set<IncomingMessage>();
  const server: Server = createServer((req, res) => {
    const record = { ifNoneMatch: req.headers['if-none-match'] ?? null, answered: null as number | null };
    requests.push(record);
    const now = answer;
    if (now.kind === 'hang') {
      hanging.add(req);
      return;
    }
    if (now.kind === 'status') {
      record.answered = now.status;
      res.writeHead(now.status, { 'content-type': 'text/plain' }).end('server error');
      return;
    }
    const etag = `"v${version}"`;
    if (record.ifNoneMatch === etag) {
      record.answered = 304;
      res.writeHead(304, { etag }).end();
      return;
    }
    record.answered = 200;
    res.writeHead(200, { etag, 'content-type': now.contentType ?? 'application/json' }).end(now.text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    set(next) {
      answer = next;
      version++;
    },
    requests,
    async close() {
      for (const req of hanging) req.socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
