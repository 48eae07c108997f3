import { request } from 'node:http';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetSnapshot } from '../../../src/core/channels/hubApiContract';
import type { Hub } from '../../../src/host/hub/startHub';
import { BROKER_KINDS, startTestBroker, type TestBroker } from '../../support/brokers';
import { fakeImpression, startFakeScreen } from '../../support/fakeScreen';
import { spawnFleetScreens } from '../../support/fleetHub';
import { QUICK_FLEET, startFleetScreen, startHubOn } from '../../support/fleetScreens';
import { runMarquee } from '../../support/runMarquee';

const TOKEN = 'hub-test-token-0123456789';

/** Polls `read` until `ok` holds, at most `limitMs`; returns the last value. */
async function until<T>(read: () => T, ok: (value: T) => boolean, limitMs = 8_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = read();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${limitMs} ms: ${JSON.stringify(value).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const stateOf = (snapshot: FleetSnapshot, screen: string) =>
  snapshot.screens.find((s) => s.screen === screen)?.state;

describe.each(BROKER_KINDS)('marquee hub on %s', (kind) => {
  let broker: TestBroker;
  let dir: string;
  let hub: Hub | null = null;
  const children: ChildProcess[] = [];
  const start = async (): Promise<Hub> => {
    hub = await startHubOn(broker, dir, TOKEN, { keepaliveS: 1, replyWaitMs: 3_000 });
    return hub;
  };
  beforeAll(async () => {
    broker = await startTestBroker(kind);
    dir = mkdtempSync(join(tmpdir(), 'marquee-hub-'));
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await hub?.dispose();
    await broker?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a screen online, then offline from its last will when it is killed -9', async () => {
    const h = await start();
    const screens = spawnFleetScreens({
      url: broker.url,
      dir: join(dir, 'screens'),
      tuning: { ...QUICK_FLEET, keepaliveS: 1 },
      screens: [{ login: broker.screen('booth-1'), groups: ['booths'] }],
    });
    const child = screens.child;
    children.push(child);
    await screens.ready;
    await until(
      () => h.link.snapshot(),
      (s) => stateOf(s, 'booth-1') === 'online',
      15_000,
    );
    const killedAt = Date.now();
    child.kill('SIGKILL');
    const after = await until(
      () => h.link.snapshot(),
      (s) => stateOf(s, 'booth-1') === 'offline',
    );
    const row = after.screens.find((s) => s.screen === 'booth-1');
    // Why: the broker sends the will 1.5 keepalives (1.5 s) after the last packet; allow scheduling slack.
    expect(Date.now() - killedAt).toBeLessThan(4_000);
    expect(row?.last?.groups).toEqual(['booths']);
    expect(row?.last?.slide?.id).toBe('s0');
  });

  it('answers only the Hosts it serves: a DNS-rebinding request or upgrade gets 421 and no body', async () => {
    const h = hub ?? (await start());
    const { port } = new URL(h.url);
    const ask = (host: string, upgrade: boolean) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: upgrade ? '/mqtt' : '/api/fleet',
            headers: {
              host,
              origin: `http://${host}`,
              authorization: `Bearer ${TOKEN}`,
              ...(upgrade ? { connection: 'Upgrade', upgrade: 'websocket' } : {}),
            },
          },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += String(c)));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('upgrade', (res) => resolve({ status: res.statusCode ?? 0, body: '' }));
        req.on('error', reject);
        req.end();
      });
    expect(await ask('evil.example', false)).toEqual({ status: 421, body: '' });
    expect((await ask('evil.example:80', true)).status).toBe(421);
    expect((await ask(`127.0.0.1:${port}`, false)).status).toBe(200);
  });

  it('sends a command to a group and collects each online screen’s reply; the API wants the token', async () => {
    const h = hub ?? (await start());
    const lobby = await startFleetScreen({
      url: broker.url,
      login: broker.screen('lobby'),
      groups: ['doors'],
      dir: join(dir, 'lobby'),
    });
    const door = await startFleetScreen({
      url: broker.url,
      login: broker.screen('hall-a-door'),
      groups: ['doors', 'hall-a'],
      dir: join(dir, 'hall-a-door'),
    });
    await until(
      () => h.link.snapshot(),
      (s) => stateOf(s, 'lobby') === 'online' && stateOf(s, 'hall-a-door') === 'online',
    );
    const post = (path: string, body: unknown, token = TOKEN) =>
      fetch(`${h.url}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const res = await post('/api/fleet/commands', {
      target: { kind: 'group', group: 'doors' },
      command: { type: 'goto', slide: 's2' },
    });
    expect(res.status).toBe(200);
    const result = (await res.json()) as {
      expected: string[];
      replies: { screen: string; reply: { ok: boolean; id: string; state: { slide: { id: string } } } }[];
      id: string;
    };
    expect(result.expected.sort()).toEqual(['hall-a-door', 'lobby']);
    expect(
      result.replies.map((r) => [r.screen, r.reply.ok, r.reply.id, r.reply.state.slide.id]).sort(),
    ).toEqual([
      ['hall-a-door', true, result.id, 's2'],
      ['lobby', true, result.id, 's2'],
    ]);
    // Each real screen's renderer acknowledged the new slide.
    await until(
      () => [lobby.presented.at(-1)?.slide, door.presented.at(-1)?.slide],
      (slides) => slides.every((id) => id === 's2'),
    );
    expect(
      (
        await post(
          '/api/fleet/commands',
          { target: { kind: 'all' }, command: { type: 'next' } },
          'wrong-token-wrong-token',
        )
      ).status,
    ).toBe(401);
    const bad = await post('/api/fleet/commands', { target: { kind: 'all' }, command: { type: 'warp' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/command/);
    await lobby.dispose();
    await door.dispose();
    await until(
      () => h.link.snapshot(),
      (s) => stateOf(s, 'lobby') === 'offline' && stateOf(s, 'hall-a-door') === 'offline',
    );
  });

  it('stores proof of play once across a hub restart and a broker kill -9, and marquee report reads it', async () => {
    let h = hub ?? (await start());
    const screen = await startFakeScreen(broker.url, broker.screen('booth-2'), ['booths']);
    const t0 = Date.parse('2026-12-03T09:00:00Z');
    const first = [0, 1, 2].map((i) => fakeImpression('booth-2', `s${i}`, t0 + i * 10_000));
    await screen.sendProof('b1', first);
    await h.dispose();
    hub = null;
    // The hub is gone: the screen resends b1 (never acknowledged from its point of view) and a new b2.
    const second = [2, 3].map((i) => fakeImpression('booth-2', `s${i}`, t0 + i * 10_000));
    const sending = Promise.all([screen.sendProof('b1-again', first), screen.sendProof('b2', second)]);
    await new Promise((r) => setTimeout(r, 400));
    await broker.kill();
    await broker.start();
    h = await start();
    await sending;
    // Why: only booth-2's files; the real screens of the group test send their own proof of play too.
    const lines = readdirSync(h.link.proofDir)
      .filter((f) => f.endsWith('.booth-2.jsonl'))
      .flatMap((f) => readFileSync(join(h.link.proofDir, f), 'utf8').split('\n'))
      .filter((l) => l !== '');
    const ids = lines.map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids.sort()).toEqual(
      [0, 1, 2, 3].map((i) => fakeImpression('booth-2', `s${i}`, t0 + i * 10_000).id).sort(),
    );
    const report = await runMarquee(['report', '--dir', h.link.proofDir, '--by', 'slide', '--format', 'csv']);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/s3/);
    await screen.stop();
  });

  it('after a restart shows known screens as unknown, never online, until they speak', async () => {
    await hub?.dispose();
    hub = null;
    const h = await start();
    const before = h.link.snapshot();
    expect(before.screens.map((s) => s.screen)).toContain('booth-2');
    // Retained statuses come back from the broker at once; none may be "online" unless its status says so.
    for (const row of before.screens) expect(row.state).not.toBe('online');
    const lobby = await startFakeScreen(broker.url, broker.screen('lobby'), ['doors']);
    await until(
      () => h.link.snapshot(),
      (s) => stateOf(s, 'lobby') === 'online',
    );
    await lobby.stop();
  });

  it('notices a frozen (SIGSTOP) broker and follows the fleet again after SIGCONT', async () => {
    const h = hub ?? (await start());
    broker.pause();
    try {
      await until(
        () => h.link.connected(),
        (c) => !c,
        8_000,
      );
    } finally {
      broker.resume();
    }
    await until(
      () => h.link.connected(),
      (c) => c,
      10_000,
    );
    const door = await startFakeScreen(broker.url, broker.screen('hall-a-door'), ['doors']);
    await door.status('after-freeze');
    await until(
      () => h.link.snapshot(),
      (s) => s.screens.find((r) => r.screen === 'hall-a-door')?.last?.slide?.id === 'after-freeze',
    );
    await door.stop();
  });
});
