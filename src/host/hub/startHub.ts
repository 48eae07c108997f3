import { mkdirSync } from 'node:fs';
import { Lifetime } from '../show/lifetime';
import { type BrokerCredentials, loadOrCreateBrokerCredentials } from './brokerCredentials';
import { type BrokerListen, startEmbeddedBroker } from './embeddedBroker';
import { type HubLink, type HubLog, startHubLink } from './hubLink';
import { startHubServer } from './hubServer';

/** An external broker the hub joins as staff instead of running its own. */
export type ExternalBroker = Readonly<{ url: string; username: string; password: string; ca?: string }>;

/** Everything `marquee hub` starts with. */
export type HubOptions = Readonly<{
  /** The hub folder: credentials, presence, the alert, proof of play. */
  dir: string;
  /** The HTTP API and fleet remote (and MQTT over WebSocket at `/mqtt` with the embedded broker). */
  listen: Readonly<{ host: string; port: number }>;
  /** The embedded broker's listeners; ignored with `broker`. */
  mqttListen: readonly BrokerListen[];
  broker: ExternalBroker | null;
  token: string;
  fleetRemoteDir: string | null;
  log?: HubLog & Readonly<{ error(obj: object, msg: string): void }>;
  replyWaitMs?: number;
  /** The controller's MQTT keepalive, seconds (default 10). */
  keepaliveS?: number;
}>;

/** A running hub: where it answers, and one `dispose()` that closes its parts last-created first. */
export type Hub = Readonly<{
  url: string;
  /** The embedded broker's URLs (empty with an external broker). */
  brokerUrls: readonly string[];
  credentials: BrokerCredentials | null;
  link: HubLink;
  dispose(): Promise<void>;
}>;

/** Starts the broker (unless an external one is named), the fleet controller and the HTTP server, in that order. */
export async function startHub(options: HubOptions): Promise<Hub> {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const lifetime = new Lifetime(options.log ? (obj, msg) => options.log?.error(obj, msg) : undefined);
  try {
    let credentials: BrokerCredentials | null = null;
    let broker: Awaited<ReturnType<typeof startEmbeddedBroker>> | null = null;
    let login: ExternalBroker;
    if (options.broker === null) {
      credentials = loadOrCreateBrokerCredentials(options.dir);
      broker = await startEmbeddedBroker({
        credentials,
        listen: options.mqttListen,
        ...(options.log ? { warn: options.log.warn.bind(options.log) } : {}),
      });
      lifetime.add('fleet broker', broker.close);
      const local = broker.urls[0]?.replace(/\/\/(0\.0\.0\.0|\[::\])/, '//127.0.0.1');
      if (local === undefined)
        throw new Error('marquee hub: the embedded broker needs at least one --mqtt-listen');
      login = { url: local, ...credentials.staff };
    } else {
      login = options.broker;
    }
    const link = await startHubLink({
      ...login,
      dir: options.dir,
      republishAlert: broker !== null,
      ...(options.keepaliveS === undefined ? {} : { keepaliveS: options.keepaliveS }),
      ...(options.log ? { log: options.log } : {}),
    });
    lifetime.add('fleet controller', link.close);
    const server = await startHubServer(options.listen, {
      link,
      token: options.token,
      fleetRemoteDir: options.fleetRemoteDir,
      ...(broker ? { upgrade: broker.handleUpgrade } : {}),
      ...(options.replyWaitMs === undefined ? {} : { replyWaitMs: options.replyWaitMs }),
    });
    lifetime.add('hub HTTP server', server.close);
    return {
      url: server.url,
      brokerUrls: broker?.urls ?? [],
      credentials,
      link,
      dispose: () => lifetime.dispose(),
    };
  } catch (err) {
    await lifetime.dispose();
    throw err;
  }
}
