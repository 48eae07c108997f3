import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ShowMessage } from '../../../src/core/channels/rendererChannel';
import { type MarqueeServer, startMarqueeServer } from '../../../src/host/http/server';
import { machineServedHost } from './machineServedHost';
import { until } from '../../support/until';

let base: string;
let server: MarqueeServer;
let host: ReturnType<typeof machineServedHost>;
const warnings: string[] = [];
const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line).msg) });

async function start(keyboard = true): Promise<void> {
  server = await startMarqueeServer({
    host,
    rendererRoot: join(base, 'renderer'),
    hostname: '127.0.0.1',
    port: 0,
    logger,
    keyboard,
  });
}

/** A renderer connection that collects every `show` message. */
async function connect(
  headers: Record<string, string> = {},
): Promise<{ ws: WebSocket; shows: ShowMessage[] }> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}ws/renderer`, { headers });
  const shows: ShowMessage[] = [];
  ws.on('message', (data) => shows.push(JSON.parse(data.toString()) as ShowMessage));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  await until(() => shows.length > 0);
  return { ws, shows };
}

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'marquee-server-'));
  await mkdir(join(base, 'renderer'));
  await mkdir(join(base, 'show', 'images'), { recursive: true });
  await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html><title>show</title>');
  await writeFile(join(base, 'renderer', 'preview.html'), '<!doctype html><title>preview</title>');
  await writeFile(join(base, 'show', 'images', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(base, 'secret.txt'), 'secret');
  await writeFile(join(base, 'show', 'private.txt'), 'private notes');
  host = machineServedHost(join(base, 'show'));
  warnings.length = 0;
});
afterEach(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

describe('the browser-mode server', () => {
  it('serves the renderer page with the kiosk CSP and nosniff', async () => {
    await start();
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>show</title>');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('connect-src');
    expect(csp).toContain('ws:');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the preview page at /preview', async () => {
    await start();
    expect(await (await fetch(`${server.url}preview`)).text()).toContain('<title>preview</title>');
  });

  it('answers /api/preview with one still view per slide', async () => {
    await start();
    const res = await fetch(`${server.url}api/preview`);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as { views: { slide: { id: string } | null; assetBase: string }[] };
    expect(body.views.map((v) => v.slide?.id)).toEqual(['one', 'two', 'three']);
    expect(body.views[0]?.assetBase).toBe('/media/');
  });

  it('serves only the files the playlist references from its folder', async () => {
    await start();
    for (const path of ['media/private.txt', 'media/images/', 'media/images']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('private notes');
    }
  });

  it('serves /media/ from the playlist folder and nothing above it', async () => {
    await start();
    const logo = await fetch(`${server.url}media/images/logo.svg`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/svg+xml');
    for (const path of [
      'media/../secret.txt',
      'media/%2e%2e/secret.txt',
      'media/images/..%2f..%2fsecret.txt',
    ]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('secret\n');
    }
  });

  it('pushes the current view on connect and a new view on every change', async () => {
    await start();
    const { ws, shows } = await connect();
    expect(shows[0]?.view.slide?.id).toBe('one');
    host.dispatch({ type: 'next' }, 'test');
    await until(() => shows.length >= 2);
    expect(shows.at(-1)?.view.slide?.id).toBe('two');
    ws.close();
  });

  it('turns presented into a player event with the same seq', async () => {
    await start();
    const { ws, shows } = await connect();
    const seq = shows[0]?.view.seq ?? -1;
    ws.send(JSON.stringify({ type: 'presented', seq }));
    await until(() => host.events.some((e) => e.event.type === 'presented'));
    expect(host.events.find((e) => e.event.type === 'presented')).toEqual({
      event: { type: 'presented', seq },
      source: 'renderer',
    });
    ws.close();
  });

  it('skips a slide whose video failed', async () => {
    await start();
    const { ws, shows } = await connect();
    const seq = shows[0]?.view.seq ?? -1;
    ws.send(
      JSON.stringify({ type: 'problem', seq, kind: 'video-failed', ref: 'a.mp4', message: 'decode error' }),
    );
    await until(() => shows.at(-1)?.view.slide?.id === 'two');
    expect(host.events.at(-1)?.event).toMatchObject({ type: 'slide-failed', seq });
    ws.close();
  });

  it('drops invalid messages with a warning and keeps the connection', async () => {
    await start();
    const { ws, shows } = await connect();
    ws.send('not json');
    ws.send(JSON.stringify({ type: 'presented', seq: -1 }));
    ws.send(JSON.stringify({ type: 'goto', target: 'three' }));
    ws.send(Buffer.from([0, 1, 2]), { binary: true });
    await until(() => warnings.length >= 4);
    expect(warnings.every((w) => w.includes('invalid message'))).toBe(true);
    expect(host.events).toEqual([]);
    ws.send(JSON.stringify({ type: 'key', action: 'next' }));
    await until(() => shows.at(-1)?.view.slide?.id === 'two');
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });

  it('maps keys to commands, toggling pause and blackout', async () => {
    await start();
    const { ws, shows } = await connect();
    ws.send(JSON.stringify({ type: 'key', action: 'toggle-pause' }));
    await until(() => shows.at(-1)?.view.paused === true);
    ws.send(JSON.stringify({ type: 'key', action: 'toggle-pause' }));
    await until(() => shows.at(-1)?.view.paused === false);
    ws.send(JSON.stringify({ type: 'key', action: 'toggle-blackout' }));
    await until(() => shows.at(-1)?.view.blackout === true);
    expect(host.events.map((e) => e.event.type)).toEqual(['pause', 'resume', 'blackout']);
    expect(host.events.every((e) => e.source === 'keyboard')).toBe(true);
    ws.close();
  });

  it('ignores keys when the kiosk keyboard is off', async () => {
    await start(false);
    const { ws } = await connect();
    ws.send(JSON.stringify({ type: 'key', action: 'next' }));
    ws.send(JSON.stringify({ type: 'presented', seq: 1 }));
    await until(() => host.events.length > 0);
    expect(host.events.map((e) => e.event.type)).toEqual(['presented']);
    ws.close();
  });

  it('refuses a renderer socket opened by a page of another origin', async () => {
    await start();
    await expect(connect({ Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    const { ws } = await connect({ Origin: server.url.slice(0, -1) });
    ws.close();
  });

  it('lets other parts mount routes and WebSockets', async () => {
    await start();
    server.addRoute('/api/', (_req, res, url) => {
      if (url.pathname !== '/api/hello') return false;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ hello: 'world' }));
      return true;
    });
    server.addUpgrade('/ws/echo', (_req, socket) => {
      socket.end('HTTP/1.1 418 I am a teapot\r\n\r\n');
    });
    expect(await (await fetch(`${server.url}api/hello`)).json()).toEqual({ hello: 'world' });
    expect((await fetch(`${server.url}api/other`)).status).toBe(404);
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}ws/echo`);
    await expect(new Promise((_, reject) => ws.once('error', reject))).rejects.toThrow(/418/);
    expect(() => server.addUpgrade('/ws/renderer', () => {})).toThrow(/already/);
  });
});
