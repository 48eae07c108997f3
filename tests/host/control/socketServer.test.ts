import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../../src/host/control/auditLog';
import { createControlGateway } from '../../../src/host/control/controlGateway';
import { playerHostTarget } from '../../../src/host/control/playerHostTarget';
import { defaultSocketPath } from '../../../src/host/control/socketPath';
import { MAX_LINE_BYTES, type SocketServer, startSocketServer } from '../../../src/host/control/socketServer';
import { machineHost } from './machineHost';

let dir: string;
let server: SocketServer | null;
let path: string;
let auditFile: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marquee-ctl-'));
  path = join(dir, 'marquee', 'control.sock');
  auditFile = join(dir, 'logs', 'audit.jsonl');
  const gateway = createControlGateway(playerHostTarget([machineHost()]), createAuditLog(auditFile));
  server = await startSocketServer(path, gateway);
});

afterEach(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends raw bytes and collects every reply line until the server closes or `lines` replies arrived. */
function exchange(
  payload: string | Buffer,
  lines: number,
  endAfterWrite = true,
): Promise<{ replies: unknown[]; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let buf = '';
    const replies: unknown[] = [];
    const done = (closed: boolean) => {
      socket.destroy();
      resolve({ replies, closed });
    };
    socket.on('data', (d) => {
      buf += d.toString('utf8');
      let i = buf.indexOf('\n');
      while (i !== -1) {
        replies.push(JSON.parse(buf.slice(0, i)));
        buf = buf.slice(i + 1);
        i = buf.indexOf('\n');
      }
      if (replies.length >= lines && !endAfterWrite) done(false);
    });
    socket.on('end', () => done(true));
    socket.on('error', reject);
    socket.write(payload, () => {
      if (endAfterWrite) socket.end();
    });
  });
}

describe('local control socket', () => {
  it('answers each command line with one reply carrying the state after it', async () => {
    const { replies } = await exchange(
      '{"type":"next","id":1}\n{"type":"goto","slide":"lunch","id":"b"}\n{"type":"status"}\n',
      3,
    );
    expect(replies).toHaveLength(3);
    expect(replies[0]).toMatchObject({ ok: true, id: 1, state: { slide: { id: 'alibaba', position: 2 } } });
    expect(replies[1]).toMatchObject({ ok: true, id: 'b', state: { slide: { id: 'lunch', position: 3 } } });
    expect(replies[2]).toMatchObject({
      ok: true,
      id: null,
      state: { slide: { id: 'lunch' }, screen: 'main' },
    });
  });

  it('answers a bad line with an error and keeps serving the next line', async () => {
    const { replies } = await exchange('{oops\n{"type":"goto","slide":"nope","id":9}\n{"type":"pause"}\n', 3);
    expect(replies[0]).toMatchObject({ ok: false, error: { code: 'bad-json' } });
    expect(replies[1]).toMatchObject({ ok: false, id: 9, error: { code: 'unknown-slide' } });
    expect(replies[2]).toMatchObject({ ok: true, state: { paused: true } });
  });

  it('refuses a line over 64 KiB with an error reply and closes the connection', async () => {
    const { replies, closed } = await exchange(
      `{"type":"announce","text":"${'x'.repeat(MAX_LINE_BYTES + 10)}"}\n`,
      1,
      false,
    );
    expect(replies[0]).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(closed || replies.length === 1).toBe(true);
  });

  it('makes the socket readable by its owner only, in a folder of its own', () => {
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'marquee')).mode & 0o777).toBe(0o700);
  });

  it('works with socat', async () => {
    const out = await new Promise<string>((resolve, reject) => {
      const child = execFile('socat', ['-', `UNIX-CONNECT:${path}`], (err, stdout) =>
        err ? reject(err) : resolve(stdout),
      );
      child.stdin?.end('{"type":"blackout","on":true}\n');
    });
    expect(JSON.parse(out.trim())).toMatchObject({ ok: true, state: { blackout: true } });
  });

  it('removes a stale socket at start but refuses to take over a live one', async () => {
    await expect(
      startSocketServer(
        path,
        createControlGateway(playerHostTarget([machineHost()]), createAuditLog(auditFile)),
      ),
    ).rejects.toThrow(/another Marquee is running/);
    const stalePath = join(dir, 'control.sock');
    // Why: a listener killed with SIGKILL leaves its socket file behind, as a crashed host would.
    const child = spawn(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(stalePath)}, () => console.log('up'))`,
    ]);
    await new Promise((r) => child.stdout.once('data', r));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(statSync(stalePath).isSocket()).toBe(true);
    const second = await startSocketServer(
      stalePath,
      createControlGateway(playerHostTarget([machineHost()]), createAuditLog(auditFile)),
    );
    const reply = await new Promise<string>((resolve) => {
      const s = connect(stalePath);
      s.on('data', (d) => resolve(d.toString()));
      s.write('{"type":"status"}\n');
    });
    expect(JSON.parse(reply)).toMatchObject({ ok: true });
    await second.close();
  });

  it('records every command in the audit log', async () => {
    await exchange('{"type":"next"}\n{"type":"nope"}\n', 2);
    const lines = readFileSync(auditFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({ transport: 'socket', command: { type: 'next' }, result: 'ok' }),
      expect.objectContaining({ transport: 'socket', command: null, result: 'unknown-type' }),
    ]);
    expect(statSync(auditFile).mode & 0o777).toBe(0o600);
  });

  it('survives random bytes: every connection gets replies or a clean close, and the host still answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        const { replies } = await exchange(Buffer.from(bytes), 0);
        for (const r of replies) expect(r).toHaveProperty('ok');
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 5 }), async (values) => {
        const payload = values.map((v) => JSON.stringify(v)).join('\n');
        const { replies } = await exchange(`${payload}\n`, values.length);
        expect(replies.length).toBe(values.filter((v) => JSON.stringify(v).trim() !== '').length);
      }),
      { numRuns: 40 },
    );
    const { replies } = await exchange('{"type":"status"}\n', 1);
    expect(replies[0]).toMatchObject({ ok: true });
  });
});

describe('defaultSocketPath', () => {
  it('prefers XDG_RUNTIME_DIR, else a per-user folder in the temp dir, else the Windows pipe', () => {
    expect(defaultSocketPath({ XDG_RUNTIME_DIR: '/run/user/1000' }, 'linux', 1000, '/tmp')).toBe(
      '/run/user/1000/marquee/control.sock',
    );
    expect(defaultSocketPath({}, 'linux', 1000, '/tmp')).toBe('/tmp/marquee-1000/control.sock');
    expect(defaultSocketPath({}, 'win32', 0, 'C:\\Temp')).toBe('\\\\.\\pipe\\marquee-control');
  });
});
