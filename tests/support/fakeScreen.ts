import mqtt, { type MqttClient } from 'mqtt';
import {
  fleetTopics,
  type OnlineStatus,
  offlineStatus,
  type ProofBatch,
  type ProofImpression,
  screenSubscriptions,
} from '../../src/core/channels/fleetContract';
import type { BrokerLogin } from './brokers';

/** A screen stand-in that speaks the fleet contract: status with a last will, replies, proof batches. */
export type FakeScreen = Readonly<{
  client: MqttClient;
  /** Publishes an online status (retained) with `slide`. */
  status(slide?: string): Promise<void>;
  /** Sends `impressions` as one batch and resends it every 300 ms until the hub acknowledges it. */
  sendProof(batch: string, impressions: readonly ProofImpression[]): Promise<void>;
  /** Ends cleanly after publishing its offline status. */
  stop(): Promise<void>;
}>;

/** What a fake screen's status says, for tests to read back. */
export function fakeStatus(screen: string, groups: readonly string[], slide: string): OnlineStatus {
  return {
    screen,
    groups: [...groups],
    online: true,
    slide: { id: slide, title: { en: `Slide ${slide}`, zh: `幻灯片 ${slide}` } },
    paused: false,
    blackout: false,
    announcement: null,
    alert: null,
    healthy: true,
    version: '0.1.0',
    at: Date.now(),
  };
}

/** An impression of `screen` for a proof batch. */
export function fakeImpression(screen: string, slideId: string, startMs: number): ProofImpression {
  const start = new Date(startMs).toISOString();
  return {
    id: `${screen}/${start}/${slideId}`,
    v: 1,
    day: start.slice(0, 10),
    tz: 'UTC',
    screen,
    slideId,
    slideType: 'sponsors',
    sponsors: ['Sponsor A'],
    start,
    end: new Date(startMs + 10_000).toISOString(),
    seconds: 10,
    cutShort: false,
    reason: 'time-up',
  };
}

/** Connects a fake screen `screen` in `groups`; it answers every command with `{"id","ok":true,…}`. */
export async function startFakeScreen(
  url: string,
  login: BrokerLogin,
  groups: readonly string[],
  keepalive = 2,
): Promise<FakeScreen> {
  const screen = login.username;
  let slide = 'one';
  const client = await mqtt.connectAsync(url, {
    protocolVersion: 4,
    username: login.username,
    password: login.password,
    keepalive,
    reconnectPeriod: 200,
    will: {
      topic: fleetTopics.status(screen),
      payload: Buffer.from(JSON.stringify(offlineStatus(screen))),
      qos: 1,
      retain: true,
    },
  });
  const acked = new Set<string>();
  client.on('message', (topic, payload) => {
    const value = JSON.parse(payload.toString()) as {
      id?: string | number;
      type?: string;
      slide?: string;
      batch?: string;
    };
    if (topic === fleetTopics.proofAck(screen)) {
      if (typeof value.batch === 'string') acked.add(value.batch);
      return;
    }
    if (topic === fleetTopics.alert() || value.id === undefined) return;
    if (value.type === 'goto' && typeof value.slide === 'string') slide = value.slide;
    const state = { screen, slide: { id: slide, title: null } };
    client.publish(
      fleetTopics.reply(screen),
      JSON.stringify({ ok: true, id: value.id, state: fakeControlState(state) }),
      { qos: 1 },
    );
  });
  await client.subscribeAsync([...screenSubscriptions({ screen, groups })], { qos: 1 });
  const status = async (next?: string): Promise<void> => {
    if (next !== undefined) slide = next;
    await client.publishAsync(fleetTopics.status(screen), JSON.stringify(fakeStatus(screen, groups, slide)), {
      qos: 1,
      retain: true,
    });
  };
  await status();
  return {
    client,
    status,
    async sendProof(batch, impressions) {
      const body: ProofBatch = { screen, batch, impressions: [...impressions] };
      const deadline = Date.now() + 20_000;
      while (!acked.has(batch)) {
        if (Date.now() > deadline) throw new Error(`${screen}: batch ${batch} was never acknowledged`);
        client.publish(fleetTopics.proof(screen), JSON.stringify(body), { qos: 1 });
        await new Promise((r) => setTimeout(r, 300));
      }
    },
    async stop() {
      await client.publishAsync(fleetTopics.status(screen), JSON.stringify(offlineStatus(screen)), {
        qos: 1,
        retain: true,
      });
      await client.endAsync();
    },
  };
}

function fakeControlState(state: Readonly<{ screen: string; slide: { id: string; title: null } }>): unknown {
  const card = {
    id: state.slide.id,
    type: 'announcement',
    title: { en: state.slide.id },
    subtitle: null,
    position: 0,
  };
  return {
    screen: state.screen,
    slide: card,
    next: null,
    count: 3,
    durationMs: 10_000,
    timeLeftMs: 5_000,
    paused: false,
    blackout: false,
    announcement: null,
    playlistErrors: [],
    now: Date.now(),
  };
}
