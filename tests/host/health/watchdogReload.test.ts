import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { HostToRenderer } from '../../../src/core/channels/rendererChannel';
import type { Playlist } from '../../../src/core/playlist/types';
import { ManualClock } from '../../../src/host/clock';
import { Health } from '../../../src/core/channels/healthContract';
import { HEALTH_PATH, healthRoute } from '../../../src/host/health/healthRoute';
import { createShowMonitor, type ShowMonitor } from '../../../src/host/health/showMonitor';
import { type MarqueeServer, startMarqueeServer } from '../../../src/host/http/server';
import { PlayerHost } from '../../../src/host/PlayerHost';
import { until } from '../../support/until';

const playlist: Playlist = {
  version: 1,
  event: { name: 'Flink Forward China 2018', timezone: 'Asia/Shanghai', languages: ['en'] },
  defaults: { duration: 5 },
  slides: ['One', 'Two'].map((text, i) => ({ type: 'announcement', id: `s${i + 1}`, text })),
};

let dir: string;
let clock: ManualClock;
let host: PlayerHost;
let monitor: ShowMonitor;
let server: MarqueeServer;
const warnings: string[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-watchdog-'));
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>show</title>');
  await writeFile(join(dir, 'playlist.json'), JSON.stringify(playlist));
  clock = new ManualClock(Date.parse('2018-12-20T09:00:00+08:00'));
  host = await PlayerHost.start({ playlistFile: join(dir, 'playlist.json'), clock, watch: false });
  const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line).msg) });
  monitor = createShowMonitor({ host, clock, log: logger, limits: { silentMs: 30_000 }, version: 'test' });
  server = await startMarqueeServer({
    host,
    rendererRoot: join(dir, 'renderer'),
    hostname: '127.0.0.1',
    port: 0,
    logger,
    keyboard: true,
  });
  server.addRoute(HEALTH_PATH, healthRoute(monitor.health));
  monitor.attach({ connected: server.renderers, reload: server.reloadRenderers });
  warnings.length = 0;
});

afterEach(async () => {
  monitor.stop();
  await server.close();
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A renderer connection that records every message and, when `ack`, acknowledges each view as painted. */
async function renderer(ack: boolean): Promise<{ ws: WebSocket; messages: HostToRenderer[] }> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}ws/renderer`);
  const messages: HostToRenderer[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as HostToRenderer;
    messages.push(message);
    if (ack && message.type === 'show') ws.send(JSON.stringify({ type: 'presented', seq: message.view.seq }));
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  await until(() => messages.length > 0);
  return { ws, messages };
}

async function health(): Promise<Health> {
  const res = await fetch(`${server.url}api/health`);
  expect(res.status).toBe(200);
  return Health.parse(await res.json());
}

describe('the watchdog over the renderer socket', () => {
  it('sends {type:"reload"} to a renderer that never acknowledges, and health shows it', async () => {
    const { ws, messages } = await renderer(false);
    clock.advance(29_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(messages.some((m) => m.type === 'reload')).toBe(false);
    clock.advance(2_000);
    await until(() => messages.some((m) => m.type === 'reload'));
    const after = await health();
    expect(after.renderers.watchdogReloads).toBeGreaterThanOrEqual(1);
    expect(after.renderers.acknowledged).toBe(0);
    expect(after.lastError?.message).toMatch(/reloading the renderer/);
    expect(warnings.join('\n')).toMatch(/reloading the renderer/);
    ws.close();
  });

  it('leaves a renderer that acknowledges alone, and health counts its acknowledgements', async () => {
    const { ws, messages } = await renderer(true);
    await until(() => monitor.health().renderers.acknowledged === 1);
    for (let i = 0; i < 4; i++) {
      clock.advance(5_000);
      await until(() => monitor.health().renderers.acknowledged === i + 2);
    }
    const now = await health();
    expect(messages.some((m) => m.type === 'reload')).toBe(false);
    expect(now).toMatchObject({
      ok: true,
      healthy: true,
      version: 'test',
      renderers: { connected: 1, changes: 5, acknowledged: 5, missed: 0, watchdogReloads: 0 },
    });
    expect(now.slide?.id).toBe('s1');
    ws.close();
  });

  it('answers only GET and HEAD at /api/health', async () => {
    const res = await fetch(`${server.url}api/health`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(await res.text()).toMatch(/accepts GET only/);
  });
});
