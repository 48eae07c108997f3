import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/brokers';
import { MARQUEE_BIN } from '../support/cliBuild';
import { connectTestClient, loginRefusal } from '../support/mqttClients';
import { runMarquee } from '../support/runMarquee';
import { tempFoldersPerTest } from '../support/tempFolders';

const temp = tempFoldersPerTest('marquee-hubcli-');

describe('marquee hub', () => {
  it('runs its own broker with generated 0600 credentials, prints the fleet remote (never its token into a pipe) and stops on SIGTERM', async () => {
    const dir = temp();
    const [http, mqttPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, [
      MARQUEE_BIN,
      'hub',
      '--dir',
      dir,
      '--listen',
      `127.0.0.1:${http}`,
      '--mqtt-listen',
      `127.0.0.1:${mqttPort}`,
    ]);
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const deadline = Date.now() + 15_000;
      while (!out.includes('marquee hub token')) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no fleet remote line: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(out).toContain(`http://127.0.0.1:${http}/fleet/ (its token: marquee hub token --dir ${dir})`);
      const shown = await runMarquee(['hub', 'token', '--dir', dir]);
      expect(shown.code).toBe(0);
      const token = shown.stdout.split('\n')[0] ?? '';
      // Why: stdout is a pipe here, as under systemd: the token must not be in what the service printed.
      expect(token.length).toBeGreaterThanOrEqual(16);
      expect(out).not.toContain(token);
      expect(statSync(join(dir, 'broker-credentials.json')).mode & 0o777).toBe(0o600);
      const fleet = await fetch(`http://127.0.0.1:${http}/api/fleet`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(fleet.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${http}/api/fleet`)).status).toBe(401);
      const creds = await runMarquee(['hub', 'credentials', '--dir', dir, '--screen', 'lobby']);
      const password = /^lobby\t(\S+)$/m.exec(creds.stdout)?.[1] ?? '';
      const url = `mqtt://127.0.0.1:${mqttPort}`;
      expect(await loginRefusal(url, null)).toMatch(/Not authorized/i);
      const lobby = await connectTestClient(url, { username: 'lobby', password });
      await lobby.end();
      const overWs = await connectTestClient(`ws://127.0.0.1:${http}/mqtt`, { username: 'lobby', password });
      await overWs.end();
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
