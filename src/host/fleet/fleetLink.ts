import { readFileSync } from 'node:fs';
import { assertNever } from '../../core/assertNever';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import {
  type FleetAlert,
  type FleetMember,
  fleetTopics,
  HEALTH_INTERVAL_MS,
  offlineStatus,
  parseFleetAlert,
  parseFleetPayload,
  parseFleetTopic,
  ProofAck,
  screenSubscriptions,
} from '../../core/channels/fleetContract';
import type { Health } from '../../core/channels/healthContract';
import type { ControlCommand } from '../../core/control/commands';
import type { ControlState } from '../../core/control/controlState';
import type { ControlReply } from '../../core/control/replies';
import type { FleetConfig } from '../config/configSchema';
import type { Transport } from '../control/controlTarget';
import { alertAnnouncement, type AlertShown, onlineStatus, StatusThrottle } from './fleetStatus';
import { CommandInbox, forScreen } from './commandInbox';
import type { ProofOutbox } from './proofOutbox';
import { BusExtensions, type FleetBus } from './fleetBus';
import { superviseClient } from './reconnectWatchdog';
import { settlesWithin } from './settlesWithin';
import { startThumbnailPublisher, type ThumbnailOptions } from './thumbnailPublisher';

/** How long a status reuses the health verdict it took, ms. */
const HEALTH_CACHE_MS = 1_000;

/** Where the link logs; a pino logger fits. */
export type FleetLog = Readonly<{
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}>;

/** What the fleet link needs of the show: the control path, its state, health and proof of play. */
export type FleetLinkOptions = Readonly<{
  fleet: FleetConfig;
  member: FleetMember;
  version: string;
  /** The audited control path (`gateway.handleCommand`); every fleet command goes through it. */
  run(command: ControlCommand, transport: Transport): Promise<ControlReply>;
  state(): ControlState | null;
  onStateChange(listener: () => void): () => void;
  health(): Health;
  proof: ProofOutbox | null;
  /** How the screen is seen, for its retained thumbnail (none when the host cannot see it). */
  thumbnail?: Pick<ThumbnailOptions, 'capture' | 'display' | 'intervalMs' | 'minIntervalMs'>;
  log: FleetLog;
  now: () => number;
  /** Seconds; the broker publishes the will about 1.5× this after the screen vanishes. Default 10. */
  keepaliveS?: number;
  /** First reconnect wait, ms; doubles up to `maxReconnectMs`. Default 1000. */
  reconnectMs?: number;
  maxReconnectMs?: number;
  healthIntervalMs?: number;
  /** How long one connection attempt may take, ms. Default 10 000. */
  connectTimeoutMs?: number;
  /** How often the batch in flight is sent again until acknowledged (and new impressions picked up), ms. Default 15 000. */
  proofRetryMs?: number;
  /** Tests: sees each MQTT client the link makes (the first, and every replacement). */
  onClient?: (client: MqttClient) => void;
}>;

/** The screen's link to its fleet. */
export type FleetLink = Readonly<{
  connected(): boolean;
  /** The venue alert as last received (`{"active":false}` before any). */
  alert(): FleetAlert;
  /** How many times the watchdog replaced a client whose reconnects had stopped. */
  replacements(): number;
  /** The bus for the show's other parts (a wall's fleet time and cues). */
  bus: FleetBus;
  /** Publishes the offline status (retained) and disconnects. */
  stop(): Promise<void>;
}>;

/**
 * Joins the fleet: retained status on every change (throttled) with a retained last will, commands
 * (expiry, repeats) through the audited control path, the retained venue alert, health every 30 s, and
 * proof of play from the screen's own log. Nothing here can stop the show: every failure is logged.
 */
export function startFleetLink(options: FleetLinkOptions): FleetLink {
  const { member, log } = options;
  const screen = member.screen;
  const baseReconnect = options.reconnectMs ?? 1000;
  const maxReconnect = options.maxReconnectMs ?? 30_000;
  const keepaliveS = options.keepaliveS ?? 10;
  const inbox = new CommandInbox();
  const transport = (client: string): Transport => ({ kind: 'fleet', client });
  let alert: FleetAlert = { active: false };
  let shown: AlertShown | null = null;
  const client = (): MqttClient => supervised.current();
  let pumping = false;
  const extensions = new BusExtensions((obj, msg) => log.warn(obj, msg));

  const publish = (topic: string, payload: unknown, retain: boolean, qos: 0 | 1 = 1): void => {
    if (!client().connected) return;
    client().publish(topic, JSON.stringify(payload), { qos, retain }, (err) => {
      if (err) log.warn({ topic, err: err.message }, 'fleet: a publish failed; it is sent again on change');
    });
  };
  // Why: a status needs only the verdict; a full health answer per status of 50 screens showed in the benchmark.
  let healthCache: { at: number; health: Health } | null = null;
  const recentHealth = (): Health => {
    const at = options.now();
    if (healthCache === null || Math.abs(at - healthCache.at) >= HEALTH_CACHE_MS)
      healthCache = { at, health: options.health() };
    return healthCache.health;
  };
  const throttle = new StatusThrottle(
    () => {
      const state = options.state();
      if (state === null) return null;
      return onlineStatus({
        member,
        state,
        health: recentHealth(),
        version: options.version,
        alert,
        now: options.now(),
        keepaliveS,
      });
    },
    (status) => publish(fleetTopics.status(screen), status, true),
  );

  const thumbnail =
    options.thumbnail === undefined
      ? null
      : startThumbnailPublisher({
          ...options.thumbnail,
          screen,
          slideId: () => options.state()?.slide?.id ?? null,
          now: options.now,
          log,
          publish: (t) => publish(fleetTopics.thumbnail(screen), t, true, 0),
        });

  const pumpProof = async (): Promise<void> => {
    const outbox = options.proof;
    if (outbox === null || pumping || !client().connected) return;
    pumping = true;
    try {
      const batch = await outbox.nextBatch();
      if (batch === null) return;
      publish(fleetTopics.proof(screen), batch, false);
    } catch (err) {
      log.warn({ err: String(err) }, 'fleet: could not read the proof-of-play log; trying again later');
    } finally {
      pumping = false;
    }
  };

  const showAlert = async (next: FleetAlert): Promise<void> => {
    alert = next;
    const plan = alertAnnouncement(next, shown, options.state());
    if (plan !== null) {
      const reply = await options.run(forScreen(plan.command, screen), transport('alert'));
      shown =
        plan.shown === null || !reply.ok
          ? null
          : { since: plan.shown.since, announcement: reply.state.announcement?.id ?? null };
      if (!reply.ok) log.warn({ error: reply.error }, 'fleet: the venue alert could not be shown');
    }
    throttle.changed();
  };

  const onCommand = async (topic: string, payload: string): Promise<void> => {
    const decision = inbox.receive(payload, options.now());
    switch (decision.kind) {
      case 'answer':
        log.warn({ topic, reply: decision.reply }, `fleet: command not run (${decision.reason})`);
        publish(fleetTopics.reply(screen), decision.reply, false);
        return;
      case 'repeat':
        publish(fleetTopics.reply(screen), await decision.reply, false);
        return;
      case 'run': {
        const running = options.run(forScreen(decision.command.command, screen), transport(topic));
        inbox.running(decision.command, running);
        publish(fleetTopics.reply(screen), await running, false);
        return;
      }
      default:
        assertNever(decision);
    }
  };

  const onMessage = (topic: string, buffer: Buffer): void => {
    const parsed = parseFleetTopic(topic);
    const payload = buffer.toString('utf8');
    if (extensions.deliver(topic, payload)) return;
    const done = (work: Promise<unknown>): void => {
      work.catch((err: unknown) =>
        log.warn({ topic, err: String(err) }, 'fleet: a message could not be handled'),
      );
    };
    if (parsed === null) return;
    switch (parsed.type) {
      case 'command':
        done(onCommand(topic, payload));
        return;
      case 'alert': {
        const read = parseFleetAlert(payload);
        if (read.ok) done(showAlert(read.value));
        else log.warn({ problem: read.message }, 'fleet: ignored a bad venue alert');
        return;
      }
      case 'proof-ack': {
        const read = parseFleetPayload(ProofAck, topic, payload);
        if (!read.ok || options.proof === null) return;
        done(options.proof.acknowledge(read.value).then((mine) => (mine ? pumpProof() : undefined)));
        return;
      }
      default:
        return;
    }
  };

  const connectOptions = (): IClientOptions => ({
    protocolVersion: 4,
    clientId: `marquee-screen-${screen}`,
    clean: false,
    keepalive: keepaliveS,
    reconnectPeriod: baseReconnect,
    connectTimeout: options.connectTimeoutMs ?? 10_000,
    will: {
      topic: fleetTopics.status(screen),
      payload: Buffer.from(JSON.stringify(offlineStatus(screen))),
      qos: 1,
      retain: true,
    },
    ...credentials(options.fleet),
  });

  const makeClient = (): MqttClient => {
    const next = mqtt.connect(options.fleet.url, connectOptions());
    next.on('connect', () => {
      log.info({ url: options.fleet.url }, 'fleet: connected');
      next.subscribe([...screenSubscriptions(member)], { qos: 1 }, (err) => {
        if (err) log.warn({ err: err.message }, 'fleet: could not subscribe; commands may not arrive');
      });
      throttle.publishNow();
      extensions.connected(next);
      publish(fleetTopics.health(screen), options.health(), true, 0);
      options.proof?.resend();
      void pumpProof();
      thumbnail?.changed();
    });
    next.on('error', (err) =>
      log.warn({ err: err.message }, 'fleet: broker connection error; the show goes on'),
    );
    next.on('message', onMessage);
    options.onClient?.(next);
    extensions.use(next);
    return next;
  };
  const supervised = superviseClient({
    connect: makeClient,
    now: options.now,
    reconnectMs: baseReconnect,
    maxReconnectMs: maxReconnect,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    onReplace: (replaced) =>
      log.warn({ replaced }, 'fleet: the MQTT client stopped reconnecting; replaced it'),
  });
  const healthTimer = setInterval(
    () => publish(fleetTopics.health(screen), options.health(), true, 0),
    options.healthIntervalMs ?? HEALTH_INTERVAL_MS,
  );
  const pumpTimer = setInterval(() => void pumpProof(), options.proofRetryMs ?? 15_000);
  // Why: the status is also a heartbeat, so the hub sees a silent screen offline after 1.5 keepalives even
  // where the broker checks keepalives late (Mosquitto before 2.0.21 looks only every 5 s or so).
  const heartbeatTimer = setInterval(() => {
    if (client().connected) throttle.publishNow();
  }, keepaliveS * 1000);
  let slide: string | null = null;
  const unsubscribe = options.onStateChange(() => {
    throttle.changed();
    const now = options.state()?.slide?.id ?? null;
    if (now !== slide) thumbnail?.changed();
    slide = now;
  });

  return {
    connected: () => client().connected,
    alert: () => alert,
    replacements: () => supervised.replacements(),
    bus: {
      connected: () => client().connected,
      publish: (topic, payload, { qos, retain }) => publish(topic, payload, retain, qos),
      subscribe: (filter, handler) => extensions.subscribe(filter, handler),
      onConnect: (listener) => extensions.onConnect(listener),
      // Why: the part's section comes from health; the one read before the change would publish the old section.
      statusChanged: () => {
        healthCache = null;
        throttle.changed();
      },
    },
    async stop() {
      unsubscribe();
      throttle.stop();
      thumbnail?.stop();
      supervised.stop();
      for (const timer of [healthTimer, pumpTimer, heartbeatTimer]) clearInterval(timer);
      const current = client();
      // Why: a frozen broker (or a half-open connection) never acknowledges; the show's dispose must not wait for it.
      const goodbye = async (): Promise<void> => {
        if (current.connected) {
          await current
            .publishAsync(fleetTopics.status(screen), JSON.stringify(offlineStatus(screen)), {
              qos: 1,
              retain: true,
            })
            .catch(() => undefined);
        }
        await current.endAsync(!current.connected).catch(() => undefined);
      };
      if (!(await settlesWithin(goodbye(), STOP_GRACE_MS))) {
        log.warn({ screen }, 'fleet: the broker did not answer the goodbye; disconnected without it');
        await current.endAsync(true).catch(() => undefined);
      }
    },
  };
}

/** How long a stop waits for the broker to take the offline status before it just disconnects, ms. */
const STOP_GRACE_MS = 2_000;

/** The login of a screen: none (anonymous), or its username with the password read from its file. */
function credentials(fleet: FleetConfig): IClientOptions {
  const tls = fleet.ca === null ? {} : { ca: readFileSync(fleet.ca) };
  if (fleet.username === null) return tls;
  if (fleet.passwordFile === null) return { ...tls, username: fleet.username };
  let password: string;
  try {
    password = readFileSync(fleet.passwordFile, 'utf8').trim();
  } catch (err) {
    throw new Error(
      `fleet.passwordFile ${fleet.passwordFile}: cannot read it (${err instanceof Error ? err.message : String(err)}); write the broker password there (mode 0600) or fix the path`,
    );
  }
  return { ...tls, username: fleet.username, password };
}
