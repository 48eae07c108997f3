// Loopback HTTP servers standing in for an Electron download mirror: one that serves files and counts requests,
// and one that accepts connections and never answers.
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';

export type Mirror = Readonly<{
  /** The base URL to put in ELECTRON_MIRROR (ends with a slash). */
  url: string;
  /** Every request path, in order. */
  requests: readonly string[];
  close(): Promise<void>;
}>;

function listen(server: Server, sockets: Set<Socket>): Promise<number> {
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : 0);
    }),
  );
}

function closer(server: Server, sockets: Set<Socket>): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

/** Serves `files` (URL path → bytes); anything else is 404. */
export async function startMirror(files: ReadonlyMap<string, Buffer>): Promise<Mirror> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createHttpServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://mirror').pathname;
    requests.push(path);
    const body = files.get(path);
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not on this mirror\n');
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length })
      .end(body);
  });
  const port = await listen(server, sockets);
  return { url: `http://127.0.0.1:${port}/`, requests, close: closer(server, sockets) };
}

/** Accepts every connection and never sends a byte, like a mirror behind a broken proxy. */
export async function startSilentMirror(): Promise<Mirror> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createTcpServer(() => requests.push('(connection)'));
  const port = await listen(server, sockets);
  return { url: `http://127.0.0.1:${port}/`, requests, close: closer(server, sockets) };
}
