import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { BrokerLogin } from './brokers';

/** One message a test client received. */
export type Received = Readonly<{ topic: string; text: string; retain: boolean }>;

/** An MQTT 3.1.1 client for a test, with every message it receives kept in order. */
export type TestClient = Readonly<{
  client: MqttClient;
  received: Received[];
  /** Resolves with the first message (already received or coming) that `match` accepts; rejects after `limitMs`. */
  waitFor(match: (m: Received) => boolean, limitMs?: number): Promise<Received>;
  end(): Promise<void>;
}>;

/** Connects to `url` with `login` (null: anonymous) and resolves once the broker accepted it. */
export async function connectTestClient(
  url: string,
  login: BrokerLogin | null,
  options: IClientOptions = {},
): Promise<TestClient> {
  const client = await mqtt.connectAsync(url, {
    protocolVersion: 4,
    reconnectPeriod: 200,
    connectTimeout: 5_000,
    ...(login === null ? {} : { username: login.username, password: login.password }),
    ...options,
  });
  const received: Received[] = [];
  const waiters = new Set<() => void>();
  client.on('message', (topic, payload, packet) => {
    received.push({ topic, text: payload.toString('utf8'), retain: packet.retain });
    for (const wake of waiters) wake();
  });
  return {
    client,
    received,
    waitFor: (match, limitMs = 5_000) =>
      new Promise<Received>((resolve, reject) => {
        const check = (): boolean => {
          const found = received.find(match);
          if (found === undefined) return false;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(
            new Error(
              `no matching message within ${limitMs} ms; got ${JSON.stringify(received.map((m) => m.topic))}`,
            ),
          );
        }, limitMs);
        if (!check()) waiters.add(wake);
      }),
    end: () => client.endAsync(true).then(() => undefined),
  };
}

/** Tries to log in once (no reconnect) and resolves with the broker's refusal, or null when it accepted. */
export async function loginRefusal(
  url: string,
  login: BrokerLogin | null,
  options: IClientOptions = {},
): Promise<string | null> {
  try {
    const client = await connectTestClient(url, login, { reconnectPeriod: 0, ...options });
    await client.end();
    return null;
  } catch (err) {
    return String(err);
  }
}
