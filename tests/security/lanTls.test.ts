import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TOKEN_PROTOCOL_PREFIX } from '../../src/host/control/lanApi';
import { type ControlService, startControl } from '../../src/host/control/startControl';
import { machineHost } from '../host/control/machineHost';

// Issue 11 §4: the LAN token went over plain HTTP on the venue Wi-Fi. With the venue's certificate and
// key (controlTlsCert, controlTlsKey) the API and the remote's WebSocket are HTTPS/WSS.

const TOKEN = 'tls-test-token-0123456789abcdef';
let dir: string;
let cert: Buffer;
let control: ControlService;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marquee-sec-tls-'));
  // Why: a certificate made here for 127.0.0.1, so the test needs no fixture that expires.
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  cert = readFileSync(join(dir, 'cert.pem'));
  control = await startControl({
    screens: [machineHost()],
    socketPath: join(dir, 'control.sock'),
    listen: { host: '127.0.0.1', port: 0 },
    tls: { cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') },
    token: TOKEN,
    configDir: join(dir, 'config'),
    logDir: join(dir, 'logs'),
    remoteDir: null,
    keyboard: true,
    out: { write: () => true },
    interactive: false,
  });
  url = control.lan?.url ?? '';
});
afterAll(async () => {
  await control?.close();
  rmSync(dir, { recursive: true, force: true });
});

function httpsGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      { ca: cert, headers: { Authorization: `Bearer ${TOKEN}` } },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the LAN API over TLS', () => {
  it('answers HTTPS with the venue certificate, and the remote URL says https', async () => {
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(control.lan?.remoteUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/remote\/#token=/);
    const { status, body } = await httpsGet('/api/state');
    expect(status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ ok: true, state: { screen: 'main' } });
  });

  it('speaks WSS to the web remote', async () => {
    const ws = new WebSocket(`wss://${new URL(url).host}/api/ws`, `${TOKEN_PROTOCOL_PREFIX}${TOKEN}`, {
      ca: cert,
    });
    const hello = await new Promise<string>((resolve, reject) =>
      ws.once('message', (d) => resolve(String(d))).once('error', reject),
    );
    ws.close();
    expect(JSON.parse(hello)).toMatchObject({ type: 'hello' });
  });

  it('never answers plain HTTP on that port', async () => {
    const plain = `http://${new URL(url).host}`;
    await expect(fetch(`${plain}/api/health`, { signal: AbortSignal.timeout(5000) })).rejects.toThrow();
  });
});
