import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TOKEN_PROTOCOL_PREFIX } from '../../src/host/control/lanApi';
import { type ControlService, startControl } from '../../src/host/control/startControl';
import { resolveControlToken, rotateControlToken, TOKEN_FILE } from '../../src/host/control/tokenStore';
import { machineHost } from '../host/control/machineHost';
import { runMarquee } from '../support/runMarquee';

// Issue 11 §4: the LAN token was printed to stdout (the systemd journal), a 0644 token file stayed
// world-readable, a token with spaces was accepted but could never match, and there was no way to
// replace a leaked token without restarting.

let dir: string;
let control: ControlService | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'marquee-sec-token-'));
});
afterEach(async () => {
  await control?.close();
  control = null;
  rmSync(dir, { recursive: true, force: true });
});

const configDir = () => join(dir, 'config');
const storeToken = (text: string, mode: number): string => {
  mkdirSync(configDir(), { recursive: true });
  const file = join(configDir(), TOKEN_FILE);
  writeFileSync(file, text);
  chmodSync(file, mode);
  return file;
};

async function startLan(out: { write(text: string): unknown }): Promise<ControlService> {
  control = await startControl({
    screens: [machineHost()],
    socketPath: join(dir, 'run', 'control.sock'),
    listen: { host: '127.0.0.1', port: 0 },
    token: null,
    configDir: configDir(),
    logDir: join(dir, 'logs'),
    remoteDir: null,
    keyboard: true,
    out,
    interactive: false,
  });
  return control;
}

const stateStatus = async (url: string, token: string) =>
  (await fetch(`${url}/api/state`, { headers: { Authorization: `Bearer ${token}` } })).status;

describe('the LAN control token', () => {
  it('makes a stored token file readable by others owner-only, and says so', () => {
    const file = storeToken('a-stored-token-of-32-characters!\n', 0o644);
    const token = resolveControlToken(configDir(), undefined, {});
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(token.token).toBe('a-stored-token-of-32-characters!');
    expect(token.notes).toEqual([`${file} was readable by other users (mode 0644); it is now 0600`]);
  });

  it('rotating never writes through a link planted at the token file (the link target stays as it was)', () => {
    mkdirSync(configDir(), { recursive: true });
    const target = join(dir, 'elsewhere.txt');
    writeFileSync(target, 'not yours\n');
    symlinkSync(target, join(configDir(), TOKEN_FILE));
    expect(() => rotateControlToken(configDir())).toThrow(/not a plain file.*remove it/);
    expect(readFileSync(target, 'utf8')).toBe('not yours\n');
  });

  it('`marquee token rotate` over a planted link says which file and the fix, without a stack trace', async () => {
    const xdg = join(dir, 'xdg');
    mkdirSync(join(xdg, 'marquee'), { recursive: true });
    const target = join(dir, 'elsewhere.txt');
    writeFileSync(target, 'not yours\n');
    symlinkSync(target, join(xdg, 'marquee', TOKEN_FILE));
    const rotated = await runMarquee(['token', 'rotate'], { env: { XDG_CONFIG_HOME: xdg } });
    expect(rotated.code).toBe(2);
    expect(rotated.stderr).toContain(
      `marquee token rotate: ${join(xdg, 'marquee', TOKEN_FILE)} is not a plain file`,
    );
    expect(rotated.stderr).not.toContain('    at ');
    expect(readFileSync(target, 'utf8')).toBe('not yours\n');
  });

  it('refuses a stored token that could never match, with the fix', () => {
    storeToken('a token with spaces in it\n', 0o600);
    expect(() => resolveControlToken(configDir(), undefined, {})).toThrow(
      /control-token: the control token must be at least 16 printable characters without spaces; run `marquee token rotate`/,
    );
  });

  it('is not written to a journal: without a terminal only its file and `marquee token show` are named', async () => {
    let printed = '';
    await startLan({ write: (text: string) => (printed += text) });
    const token = readFileSync(join(configDir(), TOKEN_FILE), 'utf8').trim();
    expect(printed).not.toContain(token);
    expect(printed).toContain(`the token is in ${join(configDir(), TOKEN_FILE)}`);
    expect(printed).toContain('marquee token show');
  });

  it('rotates: the old token is refused at once and open remote sessions are closed', async () => {
    const lan = (await startLan({ write: () => true })).lan;
    if (lan === null) throw new Error('the LAN API did not start');
    const old = readFileSync(join(configDir(), TOKEN_FILE), 'utf8').trim();
    const ws = new WebSocket(`${lan.url.replace('http', 'ws')}/api/ws`, `${TOKEN_PROTOCOL_PREFIX}${old}`);
    await new Promise((resolve, reject) => ws.once('message', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

    const fresh = rotateControlToken(configDir()).token;
    expect(fresh).not.toBe(old);
    expect(await closed).toBe(4401);
    expect(await stateStatus(lan.url, old)).toBe(401);
    expect(await stateStatus(lan.url, fresh)).toBe(200);
  });

  it('`marquee token rotate` writes a new 0600 token and `marquee token show` prints it', async () => {
    const xdg = join(dir, 'xdg');
    const saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = xdg;
    try {
      const rotated = await runMarquee(['token', 'rotate']);
      expect(rotated.code).toBe(0);
      const file = join(xdg, 'marquee', TOKEN_FILE);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const token = readFileSync(file, 'utf8').trim();
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(rotated.stdout).toContain(`New control token written to ${file}`);
      expect(rotated.stdout).not.toContain(token);
      const shown = await runMarquee(['token', 'show']);
      expect(shown.stdout).toContain(token);
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved;
    }
  });
});
