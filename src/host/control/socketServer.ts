import { chmodSync, lstatSync, mkdirSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { basename, dirname } from 'node:path';
import { errorReply } from '../../core/control/replies';
import type { ControlGateway } from './controlGateway';
import { isNamedPipe } from './socketPath';

/** The longest command line accepted (64 KiB); a longer one gets an error reply and the connection is closed. */
export const MAX_LINE_BYTES = 64 * 1024;

/** A running local control socket. */
export type SocketServer = Readonly<{ path: string; close(): Promise<void> }>;

/**
 * Serves newline-delimited JSON commands on a Unix domain socket (folder 0700, socket 0600) or a
 * Windows named pipe: one reply line a command line. A stale socket is removed; a live one is an error.
 */
export async function startSocketServer(path: string, gateway: ControlGateway): Promise<SocketServer> {
  if (!isNamedPipe(path)) await prepareSocketPath(path);
  const connections = new Set<Socket>();
  let peer = 0;
  const server = createServer((socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
    serveConnection(socket, gateway, `local#${++peer}`);
  });
  await listen(server, path);
  if (!isNamedPipe(path)) chmodSync(path, 0o600);
  return {
    path,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of connections) c.destroy();
        server.close(() => resolve());
      }),
  };
}

function serveConnection(socket: Socket, gateway: ControlGateway, client: string): void {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let chain: Promise<void> = Promise.resolve();
  let closed = false;
  const send = (value: unknown): void => {
    if (!socket.destroyed && socket.writable) socket.write(`${JSON.stringify(value)}\n`);
  };
  const handleLine = (line: string): void => {
    const text = line.replace(/\r$/, '');
    if (text.trim() === '') return;
    chain = chain.then(async () => {
      const reply = await gateway.handleText(text, { kind: 'socket', client });
      send(reply);
    });
  };
  socket.on('data', (chunk: Buffer) => {
    if (closed) return;
    let start = 0;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
      const part = chunk.subarray(start, i);
      const line = Buffer.concat([...pending, part]).toString('utf8');
      const tooLong = pendingBytes + part.length > MAX_LINE_BYTES;
      pending = [];
      pendingBytes = 0;
      start = i + 1;
      if (tooLong) return refuse();
      handleLine(line);
    }
    const rest = chunk.subarray(start);
    pending.push(rest);
    pendingBytes += rest.length;
    if (pendingBytes > MAX_LINE_BYTES) refuse();
  });
  const refuse = (): void => {
    closed = true;
    pending = [];
    chain = chain.then(() => {
      send(
        errorReply(
          null,
          'too-large',
          `a command line may be at most ${MAX_LINE_BYTES} bytes; the connection is closed`,
        ),
      );
      socket.end();
    });
  };
  socket.on('end', () => {
    if (closed) return;
    const last = Buffer.concat(pending).toString('utf8');
    pending = [];
    if (last.trim() !== '') handleLine(last);
    chain = chain.then(() => {
      socket.end();
    });
  });
  socket.on('error', () => socket.destroy());
}

async function prepareSocketPath(path: string): Promise<void> {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Why: only our own folder is tightened; a folder given with --socket (e.g. /tmp) is left alone.
  if (basename(dir).startsWith('marquee')) chmodSync(dir, 0o700);
  let exists = false;
  try {
    exists = lstatSync(path).isSocket();
  } catch {
    exists = false;
  }
  if (!exists) return;
  if (await answers(path)) {
    throw new Error(
      `another Marquee is running: the control socket ${path} answers. Stop it first, or give this one its own socket with --socket PATH`,
    );
  }
  unlinkSync(path);
}

function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `cannot open the control socket ${path}: ${err.message}. Pass another path with --socket PATH`,
        ),
      ),
    );
    server.listen(path, () => resolve());
  });
}
