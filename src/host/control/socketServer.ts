import { chmodSync, lstatSync, mkdirSync, unlinkSync } from 'node:fs';
import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { basename, dirname } from 'node:path';
import { setImmediate } from 'node:timers/promises';
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
  const server = createServer({ allowHalfOpen: true }, (socket) => {
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

/** A client may have this many command lines waiting; past it, reading from it pauses until they are answered. */
const MAX_QUEUED_LINES = 256;

function serveConnection(socket: Socket, gateway: ControlGateway, client: string): void {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const queue: string[] = [];
  let pumping = false;
  let ended = false;
  let closed = false;
  const send = async (value: unknown): Promise<void> => {
    if (socket.destroyed || !socket.writable) return;
    // Why: a client that never reads its replies must not make the host buffer them without end.
    if (!socket.write(`${JSON.stringify(value)}\n`)) await once(socket, 'drain').catch(() => {});
  };
  const finish = (): void => {
    if (!socket.destroyed) socket.end();
  };
  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    for (let text = queue.shift(); text !== undefined; text = queue.shift()) {
      if (socket.isPaused() && queue.length < MAX_QUEUED_LINES / 2 && !closed) socket.resume();
      const reply = await gateway.handleText(text, { kind: 'socket', client });
      await send(reply);
      // Why: yield to the event loop between lines, so one client pipelining thousands of commands in
      // one write takes turns with every other client instead of holding the host until it is done.
      await setImmediate();
    }
    pumping = false;
    if (closed) {
      await send(
        errorReply(
          null,
          'too-large',
          `a command line may be at most ${MAX_LINE_BYTES} bytes; the connection is closed`,
        ),
      );
      finish();
    } else if (ended) finish();
  };
  const enqueue = (line: string): void => {
    const text = line.replace(/\r$/, '');
    if (text.trim() === '') return;
    queue.push(text);
    if (queue.length >= MAX_QUEUED_LINES) socket.pause();
  };
  const refuse = (): void => {
    closed = true;
    pending = [];
    socket.pause();
  };
  socket.on('data', (chunk: Buffer) => {
    if (closed) return;
    let start = 0;
    for (let i = chunk.indexOf(10); i !== -1 && !closed; i = chunk.indexOf(10, start)) {
      const part = chunk.subarray(start, i);
      const line = Buffer.concat([...pending, part]).toString('utf8');
      const tooLong = pendingBytes + part.length > MAX_LINE_BYTES;
      pending = [];
      pendingBytes = 0;
      start = i + 1;
      if (tooLong) refuse();
      else enqueue(line);
    }
    if (!closed) {
      const rest = chunk.subarray(start);
      pending.push(rest);
      pendingBytes += rest.length;
      if (pendingBytes > MAX_LINE_BYTES) refuse();
    }
    pump().catch(() => socket.destroy());
  });
  // Why: the server is half-open, so a client that shuts down its side after writing
  // (`printf … | nc -N -U control.sock`) still gets every reply before the connection ends.
  socket.on('end', () => {
    ended = true;
    if (!closed) {
      const last = Buffer.concat(pending).toString('utf8');
      pending = [];
      if (last.trim() !== '') enqueue(last);
    }
    pump().catch(() => socket.destroy());
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
