import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createAuditLog } from '../../../src/host/control/auditLog';
import { createControlGateway } from '../../../src/host/control/controlGateway';
import { createKeyHandler } from '../../../src/host/control/keyboardControl';
import { type LanServer, startLanServer, TOKEN_PROTOCOL_PREFIX } from '../../../src/host/control/lanApi';
import { parseListen } from '../../../src/host/http/httpJson';
import { playerHostTarget } from '../../../src/host/control/playerHostTarget';
import { machineHost } from './machineHost';
import { until } from '../../support/until';

const TOKEN = 'test-token-Zq8xW1vY3bN5';
let dir: string;
let lan: LanServer;
let auditFile: string;
let gateway: ReturnType<typeof createControlGateway>;

async function start(rate = { capacity: 1000, refillPerSecond: 1000 }): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'marquee-lan-'));
  auditFile = join(dir, 'logs', 'audit.jsonl');
  const remoteDir = join(dir, 'remote');
  mkdirSync(remoteDir);
  writeFileSync(join(remoteDir, 'index.html'), '<!doctype html><title>Marquee remote</title>');
  gateway = createControlGateway(
    playerHostTarget([machineHost('hall-a')]),
    createAuditLog(auditFile, () => [TOKEN]),
  );
  lan = await startLanServer(
    { host: '127.0.0.1', port: 0 },
    { gateway, token: TOKEN, remoteDir, rateLimit: rate },
  );
}

beforeEach(async () => {
  await start();
});
afterEach(async () => {
  await lan.close();
  rmSync(dir, { recursive: true, force: true });
});

const auth = { Authorization: `Bearer ${TOKEN}` };
const post = (body: string, headers: Record<string, string> = auth) =>
  fetch(`${lan.url}/api/commands`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

describe('LAN API over HTTP', () => {
  it('answers GET /api/health without a token', async () => {
    const res = await fetch(`${lan.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, screens: ['hall-a'] });
  });

  it('carries out POST /api/commands and replies with the state after it', async () => {
    const res = await post('{"type":"goto","slide":3,"id":"x"}');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      ok: true,
      id: 'x',
      state: { slide: { id: 'lunch', position: 3 } },
    });
    const state = await (await fetch(`${lan.url}/api/state`, { headers: auth })).json();
    expect(state).toMatchObject({ ok: true, state: { screen: 'hall-a', slide: { id: 'lunch' } } });
  });

  it('lists the playlist for the jump list', async () => {
    const body = await (await fetch(`${lan.url}/api/playlist`, { headers: auth })).json();
    expect(body.slides.map((s: { id: string; position: number }) => [s.id, s.position])).toEqual([
      ['keynote-1', 1],
      ['alibaba', 2],
      ['lunch', 3],
    ]);
    expect((await fetch(`${lan.url}/api/playlist?screen=nope`, { headers: auth })).status).toBe(404);
  });

  it('refuses a missing or wrong token with 401', async () => {
    expect((await post('{"type":"next"}', {})).status).toBe(401);
    const wrong = await post('{"type":"next"}', { Authorization: 'Bearer nope-nope-nope' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await fetch(`${lan.url}/api/state`)).status).toBe(401);
  });

  it('answers bad JSON with 400 and the reason, a bad command with 400, a refused one with 422', async () => {
    const bad = await post('{"type":');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/not valid JSON \(.+\)/);
    const unknown = await post('{"type":"skip"}');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.code).toBe('unknown-type');
    const refused = await post('{"type":"goto","slide":"keynote-9"}');
    expect(refused.status).toBe(422);
    expect((await refused.json()).error).toMatchObject({ code: 'unknown-slide' });
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const res = await post(JSON.stringify({ type: 'announce', text: 'x'.repeat(70_000) }));
    expect(res.status).toBe(413);
  });

  it('answers unknown paths with 404 and wrong methods with 405 and Allow', async () => {
    expect((await fetch(`${lan.url}/api/nothing`, { headers: auth })).status).toBe(404);
    const wrong = await fetch(`${lan.url}/api/commands`, { headers: auth });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('serves the web remote under /remote/ with a strict content security policy', async () => {
    const res = await fetch(`${lan.url}/remote/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Marquee remote');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('never crashes on random bodies: every request gets a JSON answer', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        async (body) => {
          const res = await post(body);
          expect([200, 400, 422]).toContain(res.status);
          expect(await res.json()).toHaveProperty('ok');
        },
      ),
      { numRuns: 80 },
    );
    expect((await fetch(`${lan.url}/api/health`)).status).toBe(200);
  });

  it('never writes the token into the audit log', async () => {
    await post(`{"type":"announce","text":"token is ${TOKEN}"}`);
    await post('{"type":"next"}', { Authorization: `Bearer ${TOKEN}x` });
    await post('{"type":"next"}');
    const log = readFileSync(auditFile, 'utf8');
    expect(log).not.toContain(TOKEN);
    expect(log).toContain('"transport":"http"');
    expect(log).toContain('[redacted]');
  });
});

describe('LAN API rate limit', () => {
  it('answers a burst past the limit with 429 and Retry-After', async () => {
    await lan.close();
    await start({ capacity: 3, refillPerSecond: 0.5 });
    const statuses: number[] = [];
    let retry: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${lan.url}/api/health`);
      statuses.push(res.status);
      if (res.status === 429) retry = res.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retry)).toBeGreaterThanOrEqual(1);
  });
});

function openWs(
  protocols: string[] = [],
  headers: Record<string, string> = {},
): Promise<{ ws: WebSocket; messages: unknown[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${lan.url.replace('http', 'ws')}/api/ws`, protocols, { headers });
    const messages: unknown[] = [];
    ws.on('message', (d) => messages.push(JSON.parse(d.toString())));
    ws.once('open', () => resolve({ ws, messages }));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

describe('LAN API WebSocket', () => {
  it('takes the token in Sec-WebSocket-Protocol, greets with the state and pushes changes from other transports', async () => {
    const { ws, messages } = await openWs([`${TOKEN_PROTOCOL_PREFIX}${TOKEN}`]);
    await until(() => messages.some((m) => (m as { type?: string }).type === 'playlist'));
    expect(messages[0]).toMatchObject({
      type: 'hello',
      screens: [{ screen: 'hall-a', slide: { id: 'keynote-1' } }],
    });
    await post('{"type":"blackout","on":true}');
    await until(() =>
      messages.some((m) => (m as { type?: string; state?: { blackout?: boolean } }).state?.blackout === true),
    );
    ws.send('{"type":"next","id":42}');
    await until(() => messages.some((m) => (m as { id?: unknown }).id === 42));
    expect(messages.find((m) => (m as { id?: unknown }).id === 42)).toMatchObject({
      ok: true,
      state: { slide: { id: 'alibaba' } },
    });
    ws.close();
  });

  it('survives random messages on an authorised WebSocket: each gets a reply and the host keeps answering', async () => {
    const { ws, messages } = await openWs([`${TOKEN_PROTOCOL_PREFIX}${TOKEN}`]);
    await until(() => messages.length >= 2);
    const start = messages.length;
    const samples = fc.sample(
      fc.oneof(
        fc.string(),
        fc.jsonValue().map((v) => JSON.stringify(v)),
      ),
      60,
    );
    for (const text of samples) ws.send(text);
    await until(
      () => messages.filter((m) => typeof m === 'object' && m !== null && 'ok' in m).length >= samples.length,
    );
    expect(messages.length - start).toBeGreaterThanOrEqual(samples.length);
    expect((await fetch(`${lan.url}/api/health`)).status).toBe(200);
    ws.close();
  });

  it('refuses a command over the rate limit with its id, so the client’s wait for it ends', async () => {
    await lan.close();
    await start({ capacity: 3, refillPerSecond: 0.01 });
    const { ws, messages } = await openWs([`${TOKEN_PROTOCOL_PREFIX}${TOKEN}`]);
    for (const id of [1, 2, 'third']) ws.send(JSON.stringify({ type: 'status', id }));
    const reply = (id: unknown) =>
      messages.find((m) => 'ok' in (m as object) && (m as { id?: unknown }).id === id);
    await until(() => [1, 2, 'third'].every((id) => reply(id) !== undefined));
    expect([reply(1), reply(2), reply('third')]).toMatchObject([
      { ok: true },
      { ok: true },
      { ok: false, error: { code: 'rate-limited' } },
    ]);
    ws.close();
  });

  it('takes the token in a first auth message and closes on a wrong one', async () => {
    const good = await openWs();
    good.ws.send(JSON.stringify({ type: 'auth', token: TOKEN }));
    await until(() => good.messages.length > 0);
    expect(good.messages[0]).toMatchObject({ type: 'hello' });
    good.ws.close();
    const bad = await openWs();
    const closed = new Promise<number>((r) => bad.ws.once('close', (code) => r(code)));
    bad.ws.send(JSON.stringify({ type: 'auth', token: 'wrong-token-000' }));
    expect(await closed).toBe(4401);
    expect(bad.messages[0]).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('closes at once with 4401 when the sub-protocol carries a wrong token', async () => {
    const bad = await openWs([`${TOKEN_PROTOCOL_PREFIX}wrong-token-000000`]);
    const code = await new Promise<number>((r) => bad.ws.once('close', (c) => r(c)));
    expect(code).toBe(4401);
    expect(bad.messages[0]).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses a browser connection from another origin', async () => {
    await expect(
      openWs([`${TOKEN_PROTOCOL_PREFIX}${TOKEN}`], { Origin: 'http://evil.example' }),
    ).rejects.toThrow(/403/);
    const same = await openWs([`${TOKEN_PROTOCOL_PREFIX}${TOKEN}`], { Origin: lan.url });
    same.ws.close();
  });

  it('audits kiosk keys as transport "keyboard" through the same path, unless the keyboard is off', async () => {
    const { ws, messages } = await openWs([`${TOKEN_PROTOCOL_PREFIX}${TOKEN}`]);
    await until(() => messages.length > 0);
    const reply = await createKeyHandler(gateway, { enabled: true })('toggle-pause', 'hall-a');
    expect(reply).toMatchObject({ ok: true, state: { paused: true } });
    await until(() => messages.some((m) => (m as { state?: { paused?: boolean } }).state?.paused === true));
    const off = await createKeyHandler(gateway, { enabled: false })('next', 'hall-a');
    expect(off).toMatchObject({ ok: false, error: { code: 'keyboard-disabled' } });
    expect(readFileSync(auditFile, 'utf8')).toContain(
      '"transport":"keyboard","client":"hall-a","command":{"type":"pause","screen":"hall-a"}',
    );
    ws.close();
  });
});

describe('parseListen', () => {
  it('reads HOST:PORT, [v6]:PORT and a bare port', () => {
    expect(parseListen('192.168.1.20:8090')).toEqual({ host: '192.168.1.20', port: 8090 });
    expect(parseListen('[::1]:8090')).toEqual({ host: '::1', port: 8090 });
    expect(parseListen('8090')).toEqual({ host: '0.0.0.0', port: 8090 });
    expect(() => parseListen('nope')).toThrow(/HOST:PORT/);
  });
});

describe('raw HTTP', () => {
  it('survives a client that hangs up halfway through a body', async () => {
    await new Promise<void>((resolve) => {
      const req = request(`${lan.url}/api/commands`, {
        method: 'POST',
        headers: { ...auth, 'Content-Length': '50' },
      });
      req.on('error', () => resolve());
      req.write('{"ty', () => {
        req.destroy();
        resolve();
      });
    });
    const res = await post('{"type":"status"}');
    expect(res.status).toBe(200);
  });
});
