import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_PROTOCOL_PREFIX } from '../../src/host/control/lanApi';
import { freePort, type ServeProcess, startServe } from '../e2e/serveProcess';
import { ensurePageBuilt, ensureRendererBuilt } from '../support/rendererBuild';
import { rebindingHeaders, requestWithHost, upgradeWithHost } from './support/withHost';

// Issue 11 §1: a DNS-rebinding page reaches a loopback server under its own name. Every route and
// WebSocket of both ports must answer such a request 421 with no body; loopback and allowedHosts names go on.

const TOKEN = 'rebinding-test-token-0123456789';
let home: string;
let serve: ServeProcess;
let kioskPort: number;
let lanPort: number;

beforeAll(async () => {
  ensureRendererBuilt();
  ensurePageBuilt('remote');
  home = await mkdtemp(join(tmpdir(), 'marquee-rebinding-'));
  kioskPort = await freePort();
  lanPort = await freePort();
  serve = await startServe(
    [
      '--port',
      String(kioskPort),
      '--control-listen',
      `127.0.0.1:${lanPort}`,
      '--control-token',
      TOKEN,
      '--allowed-hosts',
      'kiosk.venue.test',
    ],
    home,
  );
}, 90_000);
afterAll(async () => {
  await serve?.stop();
  await rm(home, { recursive: true, force: true });
});

const kioskPortOf = (): number => kioskPort;
const lanPortOf = (): number => lanPort;
type Route = Readonly<{ port: () => number; path: string; method?: string; body?: string; auth?: boolean }>;
const ROUTES: readonly Route[] = [
  { port: kioskPortOf, path: '/' },
  { port: kioskPortOf, path: '/index.html' },
  { port: kioskPortOf, path: '/preview' },
  { port: kioskPortOf, path: '/api/preview' },
  { port: kioskPortOf, path: '/api/health' },
  { port: kioskPortOf, path: '/media/logo.svg' },
  { port: kioskPortOf, path: '/cache/https%3A%2F%2Fexample.com%2Fa.png' },
  { port: kioskPortOf, path: '/no-such-page' },
  { port: lanPortOf, path: '/' },
  { port: lanPortOf, path: '/remote/' },
  { port: lanPortOf, path: '/api/health' },
  { port: lanPortOf, path: '/api/state', auth: true },
  { port: lanPortOf, path: '/api/playlist', auth: true },
  {
    port: () => lanPort,
    path: '/api/commands',
    method: 'POST',
    body: '{"type":"blackout","on":true}',
    auth: true,
  },
];
const SOCKETS: readonly Readonly<{ port: () => number; path: string; protocols: readonly string[] }>[] = [
  { port: kioskPortOf, path: '/ws/renderer', protocols: [] },
  { port: lanPortOf, path: '/api/ws', protocols: [`${TOKEN_PROTOCOL_PREFIX}${TOKEN}`] },
];

const headersFor = (route: Route, host: Readonly<Record<string, string>>): Record<string, string> => ({
  ...host,
  ...(route.auth ? { Authorization: `Bearer ${TOKEN}` } : {}),
  ...(route.body === undefined ? {} : { 'Content-Type': 'application/json' }),
});

describe('DNS rebinding (Host: evil.example with a matching Origin)', () => {
  it.each(
    ROUTES.map(
      (r) =>
        [`${r.method ?? 'GET'} ${r.path} on the ${r.port === lanPortOf ? 'LAN' : 'kiosk'} port`, r] as const,
    ),
  )('answers %s 421 with no body', async (_name, route) => {
    const answer = await requestWithHost(
      route.port(),
      route.path,
      headersFor(route, rebindingHeaders(route.port())),
      route.method,
      route.body,
    );
    expect(answer.status).toBe(421);
    expect(answer.body).toBe('');
  });

  it.each(SOCKETS)('refuses the WebSocket $path with 421', async (socket) => {
    expect(
      await upgradeWithHost(socket.port(), socket.path, rebindingHeaders(socket.port()), socket.protocols),
    ).toBe(421);
  });

  it('still serves loopback and allowedHosts names on every route and socket (nothing a show needs is lost)', async () => {
    for (const name of ['127.0.0.1', 'localhost', 'kiosk.venue.test', 'KIOSK.venue.test.']) {
      for (const route of ROUTES.filter((r) => r.method === undefined)) {
        const host = { Host: `${name}:${route.port()}`, Origin: `http://${name}:${route.port()}` };
        const answer = await requestWithHost(route.port(), route.path, headersFor(route, host));
        expect(answer.status, `${name} ${route.path}`).not.toBe(421);
      }
      for (const socket of SOCKETS) {
        const port = socket.port();
        const host = { Host: `${name}:${port}`, Origin: `http://${name}:${port}` };
        expect(
          await upgradeWithHost(port, socket.path, host, socket.protocols),
          `${name} ${socket.path}`,
        ).toBe('open');
      }
    }
  });
});
