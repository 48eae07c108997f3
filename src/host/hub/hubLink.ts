import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import {
  type FleetAlert,
  FleetReply,
  fleetTopics,
  HUB_SUBSCRIPTIONS,
  parseFleetAlert,
  parseFleetPayload,
  parseFleetTopic,
  ProofBatch,
  ScreenStatus,
} from '../../core/channels/fleetContract';
import type {
  ThumbnailsSnapshot,
  AlertRequest,
  FleetSnapshot,
  SendRequest,
  SendResult,
} from '../../core/channels/hubApiContract';
import {
  applyStatus,
  expireSilent,
  groupsOf,
  type PresenceTable,
  presenceRows,
  restoredPresence,
} from '../../core/hub/presence';
import { assertNever } from '../../core/assertNever';
import { expectedScreens, targetsOf } from '../../core/hub/commandTargets';
import type { FleetLog } from '../fleet/fleetLink';
import { superviseClient } from '../fleet/reconnectWatchdog';
import { settlesWithin } from '../fleet/settlesWithin';
import { CUE_LEAD_MS } from '../../core/wall/wallCue';
import { preciseNow } from '../clock';
import { createHubWalls, publishCues, timeReply } from './hubWalls';
import { createReplyWaits } from './replyWaits';
import { createProofCollector, type ProofCollector } from './proofCollector';
import { loadAlert, writeAlert } from './alertFile';
import { firstConnection } from './firstConnection';
import { loadPresence, savePresence } from './presenceFile';
import { createThumbnailStore } from './thumbnailStore';

/** Where the hub reports what it sees: the fleet link's log shape (a pino logger fits). */
export type HubLog = FleetLog;

/** How the hub's controller reaches the broker and where it keeps its files. */
export type HubLinkOptions = Readonly<{
  url: string;
  username: string;
  password: string;
  ca?: string;
  /** The hub folder: `presence.json`, `alert.json` and `proof-of-play/`. */
  dir: string;
  now?: () => number;
  /** Fleet time for the screens' time requests and wall cues; default `preciseNow` (or `now` when given). */
  fineNow?: () => number;
  log?: HubLog;
  /** Publish the saved alert again at start (the embedded broker forgets retained messages when it stops). */
  republishAlert?: boolean;
  /** MQTT keepalive in seconds (default 10): the hub notices a frozen broker after about 1.5 of them. */
  keepaliveS?: number;
  /** How long one connection attempt may take, ms (default 10 s). */
  connectTimeoutMs?: number;
  /** Longest wait between reconnect attempts, ms (they back off from 1 s; default 10 s). */
  maxReconnectMs?: number;
  /** Tests: sees each MQTT client the link makes (the first, and every replacement). */
  onClient?: (client: MqttClient) => void;
}>;

/** The fleet controller: presence, proof of play, commands with their replies, and the venue alert. */
export type HubLink = Readonly<{
  snapshot(): FleetSnapshot;
  /** Calls `listener` after every change of the presence table or the alert; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  /** Sends a command with a fresh id and `expiresAt`, and collects replies until every addressed online screen answered or `waitMs` passed. */
  send(request: SendRequest, waitMs?: number): Promise<SendResult>;
  /** Raises or clears the venue alert (retained). */
  setAlert(request: AlertRequest): Promise<FleetAlert>;
  /** The screens' latest thumbnails captured after `since` (epoch ms; all for null). */
  thumbnails(since: number | null): ThumbnailsSnapshot;
  /** The proof-of-play folder (for `marquee report --dir`). */
  proofDir: string;
  connected(): boolean;
  /** How many times the watchdog replaced a client whose reconnects had stopped. */
  replacements(): number;
  close(): Promise<void>;
}>;

const DEFAULT_TTL_MS = 30_000;
const RECONNECT_MS = 1_000;
const MAX_RECONNECT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 10_000;
/** How often the hub looks for screens that went silent. */
const SWEEP_MS = 100;

/** How long the hub waits for the broker to take a command or the alert before it tells staff, ms. */
const BROKER_ACK_MS = 5_000;

/** The broker did not take what the hub published in time (stopped, frozen, unreachable): HTTP 503 for staff. */
export class BrokerSilent extends Error {}

/** Connects the hub's controller to the broker as staff and starts following the fleet. */
export async function startHubLink(options: HubLinkOptions): Promise<HubLink> {
  const now = options.now ?? Date.now;
  // Why: fleet time is the hub's clock; its answers carry it to a fraction of a millisecond.
  const fineNow = options.fineNow ?? (options.now === undefined ? preciseNow : options.now);
  const walls = createHubWalls();
  const log = options.log ?? { info: () => undefined, warn: () => undefined };
  const presenceFile = join(options.dir, 'presence.json');
  const alertFile = join(options.dir, 'alert.json');
  const proofDir = join(options.dir, 'proof-of-play');
  const loaded = loadPresence(presenceFile);
  if (loaded.problem) log.warn({ file: presenceFile }, loaded.problem);
  let table: PresenceTable = restoredPresence(loaded.table, now());
  let alert: FleetAlert = loadAlert(alertFile);
  const proof: ProofCollector = await createProofCollector(proofDir);
  const listeners = new Set<() => void>();
  const replyWaits = createReplyWaits();
  const thumbnails = createThumbnailStore();

  let saving: Promise<void> = Promise.resolve();
  let saveQueued = false;
  const changed = (): void => {
    for (const listener of listeners) listener();
    if (saveQueued) return;
    saveQueued = true;
    // Why: one write for a burst of statuses (200 screens reconnecting), each write atomic.
    saving = saving.then(async () => {
      await new Promise((r) => setTimeout(r, 200));
      saveQueued = false;
      await savePresence(presenceFile, table).catch((err: unknown) =>
        log.warn({ err: String(err) }, 'hub: cannot save the presence table'),
      );
    });
  };

  const heardAt = new Map<string, number>();
  const onMessage = (topic: string, payload: Buffer): void => {
    // Why: fleet time replies carry the hub's clock as the request arrived, read before anything else.
    const arrivedAt = fineNow();
    const parsed = parseFleetTopic(topic);
    if (parsed === null) return;
    if ('screen' in parsed && parsed.type !== 'proof-ack') heardAt.set(parsed.screen, now());
    const text = payload.toString('utf8');
    switch (parsed.type) {
      case 'time': {
        const reply = timeReply(topic, text, arrivedAt);
        if (reply !== null)
          client().publish(fleetTopics.timeReply(parsed.screen), JSON.stringify(reply), { qos: 0 });
        return;
      }
      case 'status': {
        if (text === '') return;
        const status = parseFleetPayload(ScreenStatus, topic, text);
        if (!status.ok) {
          log.warn({ topic }, status.message);
          return;
        }
        if (status.value.screen !== parsed.screen) {
          log.warn({ topic }, `${topic}: names screen "${status.value.screen}"`);
          return;
        }
        table = applyStatus(table, status.value, now());
        changed();
        return;
      }
      case 'reply': {
        const reply = parseFleetPayload(FleetReply, topic, text);
        if (!reply.ok) {
          log.warn({ topic }, reply.message);
          return;
        }
        replyWaits.receive(parsed.screen, reply.value);
        return;
      }
      case 'proof': {
        const batch = parseFleetPayload(ProofBatch, topic, text);
        if (!batch.ok) {
          log.warn({ topic }, batch.message);
          return;
        }
        if (
          batch.value.screen !== parsed.screen ||
          batch.value.impressions.some((i) => i.screen !== parsed.screen)
        ) {
          log.warn({ topic }, `${topic}: a batch may carry only impressions of screen "${parsed.screen}"`);
          return;
        }
        void proof.store(batch.value).then(
          (ack) => client().publish(fleetTopics.proofAck(parsed.screen), JSON.stringify(ack), { qos: 1 }),
          (err: unknown) =>
            log.warn(
              { topic, err: String(err) },
              'hub: cannot store proof of play; the screen will send it again',
            ),
        );
        return;
      }
      case 'alert': {
        const next = parseFleetAlert(text);
        if (!next.ok) {
          log.warn({ topic }, next.message);
          return;
        }
        alert = next.value;
        changed();
        return;
      }
      case 'thumbnail': {
        const problem = thumbnails.receive(parsed.screen, topic, text);
        if (problem !== null) log.warn({ topic }, problem);
        else for (const listener of listeners) listener();
        return;
      }
      case 'health':
      case 'command':
      case 'proof-ack':
      case 'time-reply':
      case 'wall-cue':
        return;
      default:
        assertNever(parsed);
    }
  };
  /** An alert the broker has not confirmed yet: published again on every connect until it is. */
  let unconfirmed: FleetAlert | null = null;
  const publishAlert = async (next: FleetAlert): Promise<void> => {
    await client().publishAsync(fleetTopics.alert(), JSON.stringify(next), { qos: 1, retain: true });
    if (unconfirmed === next) unconfirmed = null;
  };
  const clientId = `marquee-hub-${randomUUID().slice(0, 8)}`;
  const subscriptions = [...HUB_SUBSCRIPTIONS, fleetTopics.alert()];
  let subscribed: () => void = () => undefined;
  const firstSubscription = new Promise<void>((resolve) => (subscribed = resolve));
  const makeClient = (): MqttClient => {
    const next = mqtt.connect(options.url, {
      protocolVersion: 4,
      username: options.username,
      password: options.password,
      clientId,
      keepalive: options.keepaliveS ?? 10,
      reconnectPeriod: RECONNECT_MS,
      connectTimeout: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
      ...(options.ca === undefined ? {} : { ca: options.ca }),
    });
    next.on('message', onMessage);
    next.on('connect', () => {
      log.info({ url: options.url }, 'hub: connected to the broker');
      if (unconfirmed !== null) {
        publishAlert(unconfirmed).catch((err: unknown) =>
          log.warn(
            { err: String(err) },
            'hub: the alert is still not confirmed; it is sent again on the next connect',
          ),
        );
      }
      // Why: a replacement client starts with no subscriptions; the first one re-subscribes by itself too.
      next.subscribe(subscriptions, { qos: 1 }, (err) => {
        if (err) log.warn({ err: err.message }, 'hub: could not subscribe; the fleet is not followed');
        else subscribed();
      });
    });
    next.on('offline', () => log.warn({ url: options.url }, 'hub: the broker is unreachable; retrying'));
    next.on('error', (err) => log.warn({ err: err.message }, 'hub: broker connection error'));
    options.onClient?.(next);
    return next;
  };
  const supervised = superviseClient({
    connect: makeClient,
    now,
    reconnectMs: RECONNECT_MS,
    maxReconnectMs: options.maxReconnectMs ?? MAX_RECONNECT_MS,
    connectTimeoutMs: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    onReplace: (replaced) => log.warn({ replaced }, 'hub: the MQTT client stopped reconnecting; replaced it'),
  });
  const client = (): MqttClient => supervised.current();
  // Why: the broker's keepalive check can be seconds late (Mosquitto < 2.0.21); the screens' heartbeats are not.
  const sweep = setInterval(() => {
    const next = expireSilent(table, heardAt, now());
    if (next === table) return;
    for (const entry of Object.values(next)) {
      if (entry.state === 'offline' && table[entry.screen]?.state === 'online')
        log.info({ screen: entry.screen }, 'hub: a screen went silent; it is offline');
    }
    table = next;
    changed();
  }, SWEEP_MS);
  sweep.unref();
  try {
    await firstConnection(client());
  } catch (err) {
    clearInterval(sweep);
    supervised.stop();
    await client()
      .endAsync(true)
      .catch(() => undefined);
    throw err;
  }
  await firstSubscription;
  if (options.republishAlert && alert.active) {
    await client().publishAsync(fleetTopics.alert(), JSON.stringify(alert), { qos: 1, retain: true });
  }

  return {
    proofDir,
    snapshot: () => ({
      ok: true,
      screens: presenceRows(table).map((row) => ({ ...row, thumbnailAt: thumbnails.at(row.screen) })),
      groups: [...groupsOf(table)],
      alert,
      now: now(),
    }),
    thumbnails: (since) => ({ ok: true, thumbnails: [...thumbnails.since(since)], now: now() }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async send(request, waitMs = 5_000) {
      const id = `hub-${randomUUID()}`;
      const expiresAt = now() + (request.ttlMs ?? DEFAULT_TTL_MS);
      const targets = targetsOf(request.target);
      const rows = presenceRows(table);
      const expected = expectedScreens(rows, targets);
      const wait = replyWaits.wait(id, expected, waitMs);
      const result: SendResult = { ok: true, id, expiresAt, expected, replies: wait.replies };
      // Why: walls move as one: a cue per wall addressed, taken by the broker before the command goes out.
      const cues = walls.cuesFor(request.command, targets, rows, id, fineNow() + CUE_LEAD_MS);
      if (cues.length > 0) result.cues = cues.map(({ wall, cue }) => ({ wall, at: cue.at }));
      const payload = JSON.stringify({ ...request.command, id, expiresAt });
      const sent = publishCues(client(), cues).then(() =>
        Promise.all(targets.map((t) => client().publishAsync(fleetTopics.command(t), payload, { qos: 1 }))),
      );
      if (!(await settlesWithin(sent, BROKER_ACK_MS))) {
        wait.end();
        throw new BrokerSilent(
          `the broker did not take the command within ${BROKER_ACK_MS / 1000} s (is it running? see the hub's log); it still reaches the screens if the broker answers before it expires`,
        );
      }
      await sent;
      if (expected.length === 0) wait.end();
      await wait.finished;
      return result;
    },
    async setAlert(request) {
      const next: FleetAlert = request.active
        ? {
            active: true,
            text: request.text,
            ...(request.title === undefined ? {} : { title: request.title }),
            style: 'urgent',
            since: now(),
          }
        : { active: false, since: now() };
      await writeAlert(alertFile, next);
      unconfirmed = next;
      const published = publishAlert(next);
      if (!(await settlesWithin(published, BROKER_ACK_MS))) {
        throw new BrokerSilent(
          `the broker did not confirm the alert within ${BROKER_ACK_MS / 1000} s (is it running? see the hub's log); it is kept and sent again as soon as the broker answers`,
        );
      }
      await published;
      alert = next;
      changed();
      return next;
    },
    connected: () => client().connected,
    replacements: () => supervised.replacements(),
    async close() {
      replyWaits.endAll();
      clearInterval(sweep);
      supervised.stop();
      // Why: a frozen broker never acknowledges what is in flight; stopping the hub must not wait for it.
      if (!(await settlesWithin(client().endAsync(), 2_000))) await client().endAsync(true);
      await saving;
      await savePresence(presenceFile, table).catch(() => undefined);
    },
  };
}
