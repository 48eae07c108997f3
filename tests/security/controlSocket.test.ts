import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../src/host/control/auditLog';
import { type ControlGateway, createControlGateway } from '../../src/host/control/controlGateway';
import { playerHostTarget } from '../../src/host/control/playerHostTarget';
import { type SocketServer, startSocketServer } from '../../src/host/control/socketServer';
import { machineHost } from '../host/control/machineHost';

// Issue 11 §2: one client pipelining 5,000 commands blocked every other client until it was done, and a
// client that half-closed after writing (`printf … | nc -N -U control.sock`) lost its replies.

let dir: string;
let path: string;
let server: SocketServer | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'marquee-sec-socket-'));
  path = join(dir, 'marquee', 'control.sock');
});
afterEach(async () => {
  await server?.close();
  server = null;
  rmSync(dir, { recursive: true, force: true });
});

const realGateway = (): ControlGateway =>
  createControlGateway(playerHostTarget([machineHost()]), createAuditLog(join(dir, 'audit.jsonl')));

/** Counts reply lines on `socket` and calls `onLine` with the running count. */
function countLines(socket: Socket, onLine: (count: number) => void): void {
  let count = 0;
  socket.on('data', (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) onLine(++count);
  });
}

describe('the local control socket under load', () => {
  it('answers a second client while the first one pipelines 5,000 commands in one write', async () => {
    server = await startSocketServer(path, realGateway());
    const flood = connect(path);
    const total = 5000;
    let floodReplies = 0;
    const floodDone = new Promise<void>((resolve) =>
      countLines(flood, (n) => {
        floodReplies = n;
        if (n === total) resolve();
      }),
    );
    const firstFloodReply = new Promise<void>((resolve) => countLines(flood, () => resolve()));
    flood.write('{"type":"status"}\n'.repeat(total));
    await firstFloodReply;

    const started = performance.now();
    const other = connect(path);
    const answered = new Promise<{ floodRepliesBefore: number; ms: number }>((resolve) =>
      countLines(other, () => resolve({ floodRepliesBefore: floodReplies, ms: performance.now() - started })),
    );
    other.write('{"type":"status","id":"second"}\n');
    const { floodRepliesBefore, ms } = await answered;
    await floodDone;
    flood.destroy();
    other.destroy();
    // Why counted in flood replies, not milliseconds: the host takes one line of each client per turn of
    // the event loop, so the second client waits a few turns however loaded the machine is (it waited
    // for hundreds of flood replies, 140 ms here, before the fix).
    expect(
      floodRepliesBefore,
      `the second client waited ${ms.toFixed(0)} ms behind ${floodRepliesBefore} flood replies`,
    ).toBeLessThan(50);
  });

  it('writes every reply to a client that half-closes right after writing', async () => {
    // Why a slow command: a reply that takes longer than the client's FIN (a reload reads the playlist
    // from disk) is the one that was lost.
    const real = realGateway();
    const slow: ControlGateway = {
      ...real,
      handleText: async (text, transport) => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return real.handleText(text, transport);
      },
    };
    server = await startSocketServer(path, slow);
    const client = connect(path);
    let received = '';
    client.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
    });
    const closed = new Promise<void>((resolve) => client.on('close', () => resolve()));
    client.end('{"type":"next","id":1}\n{"type":"status","id":2}');
    await closed;
    const replies = received
      .trim()
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { ok: boolean; id: number });
    expect(replies.map((r) => [r.id, r.ok])).toEqual([
      [1, true],
      [2, true],
    ]);
  });
});
