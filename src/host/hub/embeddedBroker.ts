import type { IncomingMessage } from 'node:http';
import { createServer as createNetServer, type Server } from 'node:net';
import type { Duplex } from 'node:stream';
import { createServer as createTlsServer } from 'node:tls';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';
import { mayPublish, maySubscribe, type Principal } from '../../core/hub/topicAcl';
import { type BrokerCredentials, principalOf } from './brokerCredentials';

/** One TCP listener of the broker: plain MQTT, or MQTT over TLS (`mqtts`) with a certificate. */
export type BrokerListen = Readonly<{
  host: string;
  port: number;
  tls?: Readonly<{ key: string | Buffer; cert: string | Buffer }>;
}>;

/** The embedded broker's credentials and listeners. */
export type EmbeddedBrokerOptions = Readonly<{
  credentials: BrokerCredentials;
  listen: readonly BrokerListen[];
  /** The path the WebSocket listener takes on an HTTP server it is given (default `/mqtt`). */
  wsPath?: string;
  /** Reports refused connections and publications (a pino logger's `warn` fits). */
  warn?: (obj: Readonly<Record<string, unknown>>, msg: string) => void;
}>;

/** A running embedded broker. */
export type EmbeddedBroker = Readonly<{
  /** One URL a listener (`mqtt://host:port` or `mqtts://host:port`), in the order given. */
  urls: readonly string[];
  /** Takes an HTTP upgrade on the WebSocket path (MQTT over WebSocket for browsers); false for other paths. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** How many clients are connected now. */
  connectedClients(): number;
  /** Disconnects every client and stops listening. */
  close(): Promise<void>;
}>;

const NOT_AUTHORIZED = 5;
const BAD_USERNAME_OR_PASSWORD = 4;

/**
 * Starts aedes in this process with the fleet's ACL: every client authenticates (staff or one screen),
 * and each publication and subscription is checked with `mayPublish` / `maySubscribe`. Retained
 * messages live in memory (aedes' default persistence): after a restart the screens publish their
 * status again, and the hub keeps its own presence table and alert on disk.
 */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const principals = new WeakMap<Client, Principal>();
  const warn = options.warn ?? (() => undefined);
  const broker = await Aedes.createBroker({
    authenticate(client, username, password, done) {
      const principal = principalOf(options.credentials, username, password?.toString('utf8'));
      if (principal === null) {
        warn({ client: client.id, username: username ?? null }, 'fleet broker: refused a login');
        const error = new Error('bad user name or password') as AuthenticateError;
        error.returnCode = username === undefined ? NOT_AUTHORIZED : BAD_USERNAME_OR_PASSWORD;
        done(error, false);
        return;
      }
      principals.set(client, principal);
      done(null, true);
    },
    authorizePublish(client, packet, callback) {
      // Why: a null client is aedes publishing a will of a client that is gone; it was checked at connect.
      const principal = client === null ? { kind: 'staff' as const } : principals.get(client);
      if (principal !== undefined && mayPublish(principal, packet.topic)) {
        callback(null);
        return;
      }
      warn({ client: client?.id ?? null, topic: packet.topic }, 'fleet broker: refused a publication');
      callback(new Error(`not allowed to publish on ${packet.topic}`));
    },
    authorizeSubscribe(client, subscription, callback) {
      const principal = principals.get(client);
      if (principal !== undefined && maySubscribe(principal, subscription.topic)) {
        callback(null, subscription);
        return;
      }
      warn({ client: client.id, topic: subscription.topic }, 'fleet broker: refused a subscription');
      // Why: a null subscription answers SUBACK 0x80 (failure) for that topic and keeps the connection.
      callback(null, null);
    },
  });

  const servers: Server[] = [];
  const urls: string[] = [];
  try {
    for (const listen of options.listen) {
      const server = await listenOn(listen, broker.handle);
      servers.push(server);
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : listen.port;
      const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
      urls.push(`${listen.tls ? 'mqtts' : 'mqtt'}://${host}:${port}`);
    }
  } catch (err) {
    for (const server of servers) server.close();
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    throw err;
  }

  const wsPath = options.wsPath ?? '/mqtt';
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', (ws, req) => broker.handle(createWebSocketStream(ws), req));

  return {
    urls,
    handleUpgrade(req, socket, head) {
      if (new URL(req.url ?? '/', 'http://marquee.invalid').pathname !== wsPath) return false;
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
      return true;
    },
    connectedClients: () => broker.connectedClients,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        broker.close(() => {
          let open = servers.length;
          if (open === 0) resolve();
          for (const server of servers) server.close(() => --open === 0 && resolve());
        });
      }),
  };
}

function listenOn(listen: BrokerListen, handle: (socket: Duplex) => unknown): Promise<Server> {
  // Why: without TCP_NODELAY a command to 50 screens waits ~40 ms for Nagle and delayed ACKs (bench/fleet.bench.ts).
  const server: Server = listen.tls
    ? createTlsServer({ key: listen.tls.key, cert: listen.tls.cert, noDelay: true }, handle)
    : createNetServer({ noDelay: true }, handle);
  return new Promise<Server>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `the fleet broker cannot listen on ${listen.host}:${listen.port}: ${err.message}. Pick another --mqtt-listen HOST:PORT`,
        ),
      ),
    );
    server.listen(listen.port, listen.host, () => resolve(server));
  });
}
