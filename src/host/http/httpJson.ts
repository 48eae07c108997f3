import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorReply } from '../../core/control/replies';
import { serveStatic } from './staticFiles';

// The HTTP pieces the LAN API and the fleet hub share: listening, bodies, JSON answers, refusals, the built apps.

/** The largest request body or WebSocket message accepted (64 KiB). */
export const MAX_BODY_BYTES = 64 * 1024;

/** Starts `server` on `listen` and resolves with its `http://host:port`; a taken port is an error naming `flag`. */
export async function listenHttp(
  server: Server,
  listen: Readonly<{ host: string; port: number }>,
  what: string,
  flag: string,
): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `cannot listen for ${what} on ${listen.host}:${listen.port}: ${err.message}. Pick another ${flag} HOST:PORT`,
        ),
      ),
    );
    server.listen(listen.port, listen.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : listen.port;
  const shownHost = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  return `http://${shownHost}:${port}`;
}

/** Parses `--control-listen HOST:PORT` (`[::1]:8090` for IPv6; `:8090` or `8090` listen on all addresses). */
export function parseListen(value: string): { host: string; port: number } {
  const text = value.trim();
  const m = /^(\d{1,5})$/.exec(text) ?? /^(?:\[([^\]]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(text);
  const portText = m?.length === 2 ? m[1] : m?.[3];
  const port = Number(portText);
  if (!m || portText === undefined || port > 65535) {
    throw new Error(
      `--control-listen "${value}": write HOST:PORT, e.g. 0.0.0.0:8090 (all addresses) or 192.168.1.20:8090`,
    );
  }
  const host = m.length === 2 ? '0.0.0.0' : (m[1] ?? (m[2] ? m[2] : '0.0.0.0'));
  return { host, port };
}

/** Serves a built browser app (the web remote, the fleet remote) from `dir` under `prefix`, with its CSP. */
export async function serveRemote(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  dir: string | null,
  prefix = '/remote',
): Promise<boolean> {
  if (dir === null) {
    res
      .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end('The web remote is not built: run `npm run build`.\n');
    return true;
  }
  if (path === prefix) {
    // Why: relative asset URLs in the built page resolve against /remote/.
    res.writeHead(302, { Location: `${prefix}/` }).end();
    return true;
  }
  const rel = path.slice(prefix.length);
  res.setHeader(
    'Content-Security-Policy',
    // Why: blob: for the live screen and the fleet's thumbnails, fetched with the token and shown from memory.
    "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  if (await serveStatic(req, res, dir, rel === '/' ? '/index.html' : rel)) return true;
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
  return true;
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerOf(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m?.[1] ?? null;
}

/** Answers an HTTP upgrade with `status` and closes it. */
export function refuseUpgrade(socket: Duplex, status: number, text: string): true {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  return true;
}

/** Reads a request body of at most MAX_BODY_BYTES. */
export function readBody(
  req: IncomingMessage,
): Promise<{ kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'error' }> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      req.resume();
      resolve({ kind: 'too-large' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        done = true;
        resolve({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') });
      done = true;
    });
    req.on('error', () => {
      if (!done) resolve({ kind: 'error' });
      done = true;
    });
  });
}

/** Answers with JSON, never cached. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Answers 401 with the Bearer challenge of `realm`; `hint` says where the token comes from. */
export function refuseUnauthorized(res: ServerResponse, realm: string, hint: string): void {
  sendJson(
    res,
    401,
    errorReply(
      null,
      'unauthorized',
      `missing or wrong token: send "Authorization: Bearer <token>" (${hint})`,
    ),
    { 'WWW-Authenticate': `Bearer realm="${realm}"` },
  );
}
