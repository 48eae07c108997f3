import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKER_KINDS, startTestBroker, type TestBroker } from '../../support/brokers';
import { connectTestClient, loginRefusal, type TestClient } from '../../support/mqttClients';

describe.each(BROKER_KINDS)('the fleet ACL on %s', (kind) => {
  let broker: TestBroker;
  let staff: TestClient;
  beforeAll(async () => {
    broker = await startTestBroker(kind);
    staff = await connectTestClient(broker.url, broker.staff);
    await staff.client.subscribeAsync('marquee/v1/#', { qos: 1 });
  });
  afterAll(async () => {
    await staff?.end();
    await broker?.cleanup();
  });

  it('lets a screen publish its own status and nothing of another screen, no command and no alert', async () => {
    const lobby = await connectTestClient(broker.url, broker.screen('lobby'));
    const forbidden = [
      'marquee/v1/screen/booth-1/command',
      'marquee/v1/screen/booth-1/status',
      'marquee/v1/group/doors/command',
      'marquee/v1/all/command',
      'marquee/v1/alert',
      'marquee/v1/screen/lobby/command',
    ];
    for (const topic of forbidden) lobby.client.publish(topic, '{"type":"blackout","on":true,"id":"x"}');
    // Why: a QoS 1 marker on the same connection comes after the forbidden ones (aedes drops the
    // connection on a refused publication; MQTT.js then sends the marker again after reconnecting).
    await lobby.client.publishAsync('marquee/v1/screen/lobby/status', '{"marker":1}', { qos: 1 });
    await staff.waitFor((m) => m.topic === 'marquee/v1/screen/lobby/status' && m.text === '{"marker":1}');
    await lobby.end();
    expect(staff.received.map((m) => m.topic).filter((t) => forbidden.includes(t))).toEqual([]);
  });

  it('lets a screen publish its own thumbnail, never another screen’s, and read none', async () => {
    const lobby = await connectTestClient(broker.url, broker.screen('lobby'));
    await lobby.client
      .subscribeAsync('marquee/v1/screen/booth-1/thumbnail', { qos: 1 })
      .catch(() => undefined);
    lobby.client.publish('marquee/v1/screen/booth-1/thumbnail', '{"forged":true}', { retain: true });
    await staff.client.publishAsync('marquee/v1/screen/booth-1/thumbnail', '{"of":"booth-1"}', { qos: 1 });
    await lobby.client.publishAsync('marquee/v1/screen/lobby/thumbnail', '{"own":true}', { qos: 1 });
    await staff.waitFor((m) => m.topic === 'marquee/v1/screen/lobby/thumbnail' && m.text === '{"own":true}');
    await lobby.end();
    expect(staff.received.filter((m) => m.text === '{"forged":true}')).toEqual([]);
    expect(lobby.received.filter((m) => m.topic.endsWith('/thumbnail'))).toEqual([]);
  });

  it('lets a screen read its own commands, its groups, all and the alert, never another screen', async () => {
    const lobby = await connectTestClient(broker.url, broker.screen('lobby'));
    for (const filter of [
      'marquee/v1/screen/booth-1/command',
      'marquee/v1/screen/+/status',
      'marquee/v1/screen/lobby/command',
      'marquee/v1/group/doors/command',
      'marquee/v1/all/command',
      'marquee/v1/alert',
    ]) {
      // Why: aedes answers a refused filter with SUBACK 0x80, Mosquitto 2.0 grants it and filters delivery.
      await lobby.client.subscribeAsync(filter, { qos: 1 }).catch(() => undefined);
    }
    await staff.client.publishAsync('marquee/v1/screen/booth-1/command', '{"to":"booth-1"}', { qos: 1 });
    await staff.client.publishAsync('marquee/v1/screen/booth-1/status', '{"of":"booth-1"}', { qos: 1 });
    for (const topic of ['marquee/v1/group/doors/command', 'marquee/v1/all/command', 'marquee/v1/alert']) {
      await staff.client.publishAsync(topic, '{"to":"lobby"}', { qos: 1 });
    }
    await staff.client.publishAsync('marquee/v1/screen/lobby/command', '{"last":true}', { qos: 1 });
    await lobby.waitFor((m) => m.topic === 'marquee/v1/screen/lobby/command');
    await lobby.end();
    expect(lobby.received.map((m) => m.topic).sort()).toEqual([
      'marquee/v1/alert',
      'marquee/v1/all/command',
      'marquee/v1/group/doors/command',
      'marquee/v1/screen/lobby/command',
    ]);
  });

  it('refuses anonymous clients, a wrong password and a screen wearing another screen’s password', async () => {
    expect(await loginRefusal(broker.url, null)).toMatch(/Not authorized|Bad username/i);
    expect(await loginRefusal(broker.url, { username: 'lobby', password: 'guess-guess-guess' })).toMatch(
      /Not authorized|Bad username/i,
    );
    const booth = broker.screen('booth-1');
    expect(await loginRefusal(broker.url, { username: 'lobby', password: booth.password })).toMatch(
      /Not authorized|Bad username/i,
    );
    expect(await loginRefusal(broker.url, broker.screen('lobby'))).toBeNull();
  });

  it('speaks TLS with a certificate from the test CA, and refuses a client that does not trust it', async () => {
    expect(await loginRefusal(broker.tlsUrl, broker.staff, { ca: broker.ca.ca })).toBeNull();
    expect(await loginRefusal(broker.tlsUrl, broker.staff, { connectTimeout: 2_000 })).toMatch(
      /self.signed|unable to verify|certificate/i,
    );
  });

  it('carries MQTT over WebSocket with the same ACL', async () => {
    const lobby = await connectTestClient(broker.wsUrl, broker.screen('lobby'));
    lobby.client.publish('marquee/v1/alert', '{"active":true}');
    await lobby.client.publishAsync('marquee/v1/screen/lobby/status', '{"ws":true}', { qos: 1 });
    await staff.waitFor((m) => m.text === '{"ws":true}');
    await lobby.end();
    expect(
      staff.received.filter((m) => m.topic === 'marquee/v1/alert' && m.text === '{"active":true}'),
    ).toEqual([]);
  });
});
