import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleetTopics } from '../../../src/core/channels/fleetContract';
import { BrokerSilent, type HubLink, startHubLink } from '../../../src/host/hub/hubLink';
import { startHubServer } from '../../../src/host/hub/hubServer';
import { BROKER_KINDS, startTestBroker, type TestBroker } from '../../support/brokers';
import { connectTestClient } from '../../support/mqttClients';

/** How long `work` took to settle, ms, and how it ended. */
async function timed<T>(work: Promise<T>): Promise<{ ms: number; error: unknown }> {
  const started = Date.now();
  try {
    await work;
    return { ms: Date.now() - started, error: null };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

describe.each(BROKER_KINDS)('the hub with a frozen broker (%s)', (kind) => {
  let broker: TestBroker;
  let dir: string;
  let link: HubLink | null = null;
  beforeAll(async () => {
    broker = await startTestBroker(kind);
    dir = mkdtempSync(join(tmpdir(), 'marquee-hub-frozen-'));
  });
  afterAll(async () => {
    broker?.resume();
    await link?.close();
    await broker?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells staff within seconds that the broker took nothing, sends the alert once it answers, and stops', async () => {
    link = await startHubLink({
      url: broker.url,
      ...broker.staff,
      dir,
      keepaliveS: 1,
      connectTimeoutMs: 1_000,
    });
    const hub = link;
    broker.pause();
    const command = await timed(hub.send({ target: { kind: 'all' }, command: { type: 'next' } }, 1_000));
    expect(command.error).toBeInstanceOf(BrokerSilent);
    expect(String(command.error)).toContain('did not take the command');
    expect(command.ms).toBeLessThan(8_000);
    const alert = await timed(hub.setAlert({ active: true, text: { zh: '请立即疏散', en: 'Evacuate now' } }));
    expect(alert.error).toBeInstanceOf(BrokerSilent);
    expect(String(alert.error)).toContain('sent again as soon as the broker answers');
    expect(alert.ms).toBeLessThan(8_000);
    const api = await startHubServer(
      { host: '127.0.0.1', port: 0 },
      { link: hub, token: 'frozen-broker-test-token', fleetRemoteDir: null },
    );
    try {
      const res = await fetch(new URL('/api/fleet/commands', api.url), {
        method: 'POST',
        headers: { authorization: 'Bearer frozen-broker-test-token' },
        body: JSON.stringify({ target: { kind: 'all' }, command: { type: 'blackout', on: true } }),
      });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    } finally {
      await api.close();
    }
    broker.resume();
    const watcher = await connectTestClient(broker.url, broker.staff);
    try {
      await watcher.client.subscribeAsync(fleetTopics.alert(), { qos: 1 });
      const seen = await watcher.waitFor(
        (m) => m.topic === fleetTopics.alert() && m.text.includes('Evacuate now'),
        15_000,
      );
      expect(JSON.parse(seen.text)).toMatchObject({ active: true, style: 'urgent' });
    } finally {
      await watcher.end();
    }
    broker.pause();
    const stop = await timed(hub.close());
    link = null;
    expect(stop.error).toBeNull();
    expect(stop.ms).toBeLessThan(5_000);
  }, 60_000);
});
