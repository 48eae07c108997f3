import { z } from 'zod';
import * as zm from 'zod/mini';
import { Health, HealthScreenWatch, HealthSlide } from './healthContract';
import { FleetName, fleetTopics } from './fleetTopics';
import { StatusWall } from './wallContract';
import { type ControlCommand, type CommandIdValue, parseCommand } from '../control/commands';
import type { ControlError } from '../control/replies';
import { ControlReplySchema } from '../control/controlStateSchema';
import { ImpressionRecord } from '../proof/impressionRecord';
import { Text } from '../playlist/fields';

// The fleet's MQTT contract, version 1 (docs/fleet.md): topics (fleetTopics.ts) and every payload. MQTT 3.1.1 only.

/** Health is published this often (retained). */
export const HEALTH_INTERVAL_MS = 30_000;

/** Status is published on every change, but at most once per this interval. */
export const STATUS_MIN_INTERVAL_MS = 250;

/** A thumbnail is published this often (retained), and on a slide change, but never more often than the minimum. */
export const THUMBNAIL_INTERVAL_MS = 60_000;
export const THUMBNAIL_MIN_INTERVAL_MS = 10_000;
/** How wide a thumbnail is taken, and the narrower ones tried when it is too large. */
export const THUMBNAIL_WIDTHS = [320, 240, 160] as const;
/** The most base64 characters a thumbnail's JPEG may take (about 48 KB of JPEG). */
export const THUMBNAIL_MAX_BASE64 = 65_536;

/** The most impressions one proof batch carries. */
export const PROOF_BATCH_MAX = 200;

export * from './fleetTopics';
export * from './wallContract';

// ---- payloads ----

const EpochMs = z.number().int().nonnegative();

/** The announcement on a screen, as its status shows it. */
const StatusAnnouncement = z.strictObject({
  text: Text,
  title: Text.nullable(),
  style: z.enum(['info', 'urgent']),
});

/** `…/screen/<screen>/status` while online: retained, on every change. */
export const OnlineStatus = z.strictObject({
  screen: FleetName,
  groups: z.array(FleetName),
  online: z.literal(true),
  slide: zm.nullable(zm.pick(HealthSlide, { id: true, title: true })),
  paused: z.boolean(),
  blackout: z.boolean(),
  announcement: StatusAnnouncement.nullable(),
  /** The venue alert this screen is showing (its text); null: none. */
  alert: z.strictObject({ text: Text, since: EpochMs }).nullable(),
  healthy: z.boolean(),
  /** The pixel watchdog: how it sees the screen, its last look, and the last problem (dark/frozen, when, what was done). */
  screenWatch: zm.optional(zm.pick(HealthScreenWatch, { capture: true, verdict: true, lastProblem: true })),
  version: z.string(),
  /** When this status was taken, epoch ms (the screen's clock). */
  at: EpochMs,
  /**
   * Seconds: the screen publishes its status at least this often while online (its MQTT keepalive); the hub
   * shows it offline after 1.5× that of silence, whatever the broker's own keepalive check does.
   */
  keepalive: z.number().int().min(1).max(65_535).optional(),
  /** Wall members only: place, fleet time estimate, the anchor in force and the last change painted. */
  wall: StatusWall.optional(),
});

/** `…/screen/<screen>/status` when gone: the last will (set at connect), also published on a clean stop. */
export const OfflineStatus = z.strictObject({ screen: FleetName, online: z.literal(false) });

/** A screen's status, online or not. */
export const ScreenStatus = z.discriminatedUnion('online', [OnlineStatus, OfflineStatus]);
/** A screen's status, online or not. */
export type ScreenStatus = z.infer<typeof ScreenStatus>;
/** A screen's status while online. */
export type OnlineStatus = z.infer<typeof OnlineStatus>;

/** The last will a screen sets at connect (and publishes on a clean stop). */
export function offlineStatus(screen: string): z.infer<typeof OfflineStatus> {
  return { screen, online: false };
}

/** `marquee/v1/alert`: retained venue-wide emergency state; `{"active":false}` (or an empty retained message) clears it. */
export const FleetAlert = z.discriminatedUnion('active', [
  z.strictObject({
    active: z.literal(true),
    text: Text,
    title: Text.optional(),
    style: z.enum(['urgent', 'info']).default('urgent'),
    /** When staff raised it, epoch ms. */
    since: EpochMs,
  }),
  z.strictObject({ active: z.literal(false), since: EpochMs.optional() }),
]);
/** The venue alert state. */
export type FleetAlert = z.infer<typeof FleetAlert>;

/** `…/screen/<screen>/health`: retained, the `/api/health` answer. */
export const FleetHealth = Health;

/** `…/screen/<screen>/thumbnail`: retained, a small JPEG of what the screen really shows (every minute, on a slide change). */
export const FleetThumbnail = z.strictObject({
  screen: FleetName,
  /** When it was captured, epoch ms (the screen's clock). */
  at: EpochMs,
  /** The slide on screen when it was captured; null: the idle screen. */
  slideId: z.string().max(200).nullable(),
  width: z.number().int().positive().max(THUMBNAIL_WIDTHS[0]),
  height: z.number().int().positive().max(THUMBNAIL_WIDTHS[0]),
  /** The JPEG, base64. */
  jpeg: z.base64().min(4).max(THUMBNAIL_MAX_BASE64),
});
/** A screen's thumbnail. */
export type FleetThumbnail = z.infer<typeof FleetThumbnail>;

/** `…/screen/<screen>/reply`: the reply to a fleet command, as the socket and LAN API reply. */
export const FleetReply = ControlReplySchema;

/** One impression in a proof batch: a proof-of-play log line with its unique id. */
export const ProofImpression = ImpressionRecord.extend({ id: z.string().min(1).max(200) });
/** One impression in a proof batch. */
export type ProofImpression = z.infer<typeof ProofImpression>;

/** The unique id of an impression: its screen, slide and start (a screen paints one slide at a time). */
export function impressionId(record: Readonly<{ screen: string; slideId: string; start: string }>): string {
  return `${record.screen}/${record.start}/${record.slideId}`;
}

/** `…/screen/<screen>/proof`: a batch of impressions (QoS 1); resent until acknowledged. */
export const ProofBatch = z.strictObject({
  screen: FleetName,
  batch: z.string().min(1).max(200),
  impressions: z.array(ProofImpression).min(1).max(PROOF_BATCH_MAX),
});
/** A batch of impressions. */
export type ProofBatch = z.infer<typeof ProofBatch>;

/** `…/screen/<screen>/proof/ack`: the hub stored these impressions (each once, however often they came). */
export const ProofAck = z.strictObject({
  batch: z.string().min(1).max(200),
  ids: z.array(z.string().min(1).max(200)),
});
/** The hub's acknowledgement of a batch. */
export type ProofAck = z.infer<typeof ProofAck>;

/** The result of parsing a payload. */
export type PayloadParse<T> = Readonly<{ ok: true; value: T }> | Readonly<{ ok: false; message: string }>;

/** Decodes and validates a JSON payload of `topic` against its schema; never throws. */
export function parseFleetPayload<S extends z.core.$ZodType>(
  schema: S,
  topic: string,
  payload: string,
): PayloadParse<z.output<S>> {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, message: `${topic}: the payload is not valid JSON (${reason})` };
  }
  // Why: the core safeParse, so classic schemas and the zod/mini ones the web remote shares (replies) both fit.
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues
    .slice(0, 3)
    .map(
      (issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : 'payload'} ${issue.message}`,
    );
  return { ok: false, message: `${topic}: ${issues.join('; ')} (see docs/fleet.md)` };
}

/** The alert state a retained `marquee/v1/alert` message carries; an empty message (retained cleared) is no alert. */
export function parseFleetAlert(payload: string): PayloadParse<FleetAlert> {
  if (payload.trim() === '') return { ok: true, value: { active: false } };
  return parseFleetPayload(FleetAlert, fleetTopics.alert(), payload);
}

// ---- commands ----

/** A fleet command after validation: a protocol v1 command, its id and when it expires. */
export type FleetCommand = Readonly<{
  id: CommandIdValue;
  /** Epoch ms after which the screen drops it; null: never. */
  expiresAt: number | null;
  command: ControlCommand;
}>;

/** The result of `parseFleetCommand`. */
export type FleetCommandParse =
  | Readonly<{ ok: true; value: FleetCommand }>
  | Readonly<{ ok: false; id: CommandIdValue | null; error: ControlError }>;

/**
 * Validates a command payload (`{"type":"next","id":"c-1","expiresAt":…}`); never throws. The topic
 * addresses the screen, so a `screen` field is refused; `id` is required (screens drop repeats by it).
 */
export function parseFleetCommand(payload: string): FleetCommandParse {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return fail(
      null,
      'bad-json',
      `the fleet command is not valid JSON (${reason}); send e.g. {"type":"next","id":"c-1"}`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(
      null,
      'bad-command',
      'a fleet command must be a JSON object such as {"type":"next","id":"c-1"}',
    );
  }
  const { expiresAt, ...rest } = value as Record<string, unknown>;
  const parsed = parseCommand(rest);
  if (!parsed.ok) return parsed;
  const { command } = parsed;
  if (command.id === undefined) {
    return fail(
      null,
      'bad-command',
      'a fleet command needs an "id" (string or number) so screens can drop repeats',
    );
  }
  if (command.screen !== undefined) {
    return fail(
      command.id,
      'bad-command',
      'a fleet command addresses screens by its topic; leave out "screen"',
    );
  }
  if (expiresAt !== undefined && !EpochMs.safeParse(expiresAt).success) {
    return fail(
      command.id,
      'bad-argument',
      '"expiresAt" must be a time in epoch milliseconds, e.g. 1545271830000',
    );
  }
  return {
    ok: true,
    value: { id: command.id, expiresAt: typeof expiresAt === 'number' ? expiresAt : null, command },
  };
}

/** Whether a command has expired at `now` (epoch ms). */
export function isExpired(command: FleetCommand, now: number): boolean {
  return command.expiresAt !== null && now > command.expiresAt;
}

function fail(id: CommandIdValue | null, code: ControlError['code'], message: string): FleetCommandParse {
  return { ok: false, id, error: { code, message } };
}
