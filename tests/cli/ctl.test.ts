import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noAudit } from '../../src/host/control/auditLog';
import { createControlGateway } from '../../src/host/control/controlGateway';
import { type LanServer, startLanServer } from '../../src/host/control/lanApi';
import { playerHostTarget } from '../../src/host/control/playerHostTarget';
import { type SocketServer, startSocketServer } from '../../src/host/control/socketServer';
import { machineHost } from '../host/control/machineHost';

const root = join(import.meta.dirname, '..', '..');
const TOKEN = 'cli-test-token-0123456789';
let dir: string;
let socket: SocketServer;
let lan: LanServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marquee-cli-ctl-'));
  const gateway = createControlGateway(playerHostTarget([machineHost('hall-a')]), noAudit);
  socket = await startSocketServer(join(dir, 'control.sock'), gateway);
  lan = await startLanServer({ host: '127.0.0.1', port: 0 }, { gateway, token: TOKEN, remoteDir: null });
});
afterAll(async () => {
  await socket.close();
  await lan.close();
  rmSync(dir, { recursive: true, force: true });
});

function marquee(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin', 'marquee.mjs'), ...args],
      { env: { ...process.env, ...env, LANG: 'en_US.UTF-8' }, timeout: 30_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 99) : 0, stdout, stderr }),
    );
  });
}

describe('marquee ctl', { timeout: 60_000 }, () => {
  it('exits 0 and prints a readable summary after goto by position', async () => {
    const r = await marquee(['ctl', 'goto', '2', '--socket', socket.path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Screen hall-a');
    expect(r.stdout).toMatch(/Now: +2\/3 +alibaba +Real-time computing at scale/);
  });

  it('prints the raw reply with --json and announces with both languages', async () => {
    const r = await marquee([
      'ctl',
      'announce',
      'Lunch is served',
      '--zh',
      '午餐时间',
      '--seconds',
      '300',
      '--style',
      'urgent',
      '--json',
      '--socket',
      socket.path,
    ]);
    expect(r.code).toBe(0);
    const reply = JSON.parse(r.stdout);
    expect(reply).toMatchObject({
      ok: true,
      state: { announcement: { text: { zh: '午餐时间', en: 'Lunch is served' }, style: 'urgent' } },
    });
    expect(reply.state.announcement.timeLeftMs).toBeGreaterThan(295_000);
  });

  it('exits 1 with the host’s explanation for an unknown slide', async () => {
    const r = await marquee(['ctl', 'goto', 'keynote-2', '--socket', socket.path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown-slide');
    expect(r.stderr).toContain('Did you mean "keynote-1"?');
  });

  it('exits 2 and names the socket it tried when nothing listens', async () => {
    const missing = join(dir, 'none.sock');
    const r = await marquee(['ctl', 'status', '--socket', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(missing);
  });

  it('talks to the LAN API with --url and the token from MARQUEE_CONTROL_TOKEN', async () => {
    const ok = await marquee(['ctl', 'blackout', 'on', '--url', lan.url], { MARQUEE_CONTROL_TOKEN: TOKEN });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('BLACKOUT');
    const wrong = await marquee(['ctl', 'status', '--url', lan.url, '--token', 'wrong-token-0000000']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('unauthorized');
    const down = await marquee(['ctl', 'status', '--url', 'http://127.0.0.1:9', '--token', TOKEN]);
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('http://127.0.0.1:9/api/commands');
  });
});
