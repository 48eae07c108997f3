import { z } from 'zod';
import { Text } from '../playlist/fields';
import { FleetAlert, FleetReply, FleetThumbnail, OnlineStatus } from './fleetContract';
import { FleetName } from './fleetTopics';
import { LanRefusalSchema } from './lanRefusal';

// The hub's HTTP API (`marquee hub`, bearer token), which the fleet remote speaks; docs/hub.md. Its error answers
// are the LAN API's (`errorReply`: `{ok:false, id:null, error:{code, message}}`), read by `lanRefusal.ts`.

const EpochMs = z.number().int().nonnegative();

/** One screen in the hub's presence table. */
export const FleetScreen = z.strictObject({
  screen: FleetName,
  state: z.enum(['online', 'offline', 'unknown']),
  since: EpochMs,
  last: OnlineStatus.nullable(),
  /** When the hub's latest thumbnail of the screen was captured (fetch it from /api/fleet/thumbnails); null: none yet. */
  thumbnailAt: EpochMs.nullable().optional(),
});
/** One screen in the hub's presence table. */
export type FleetScreen = z.infer<typeof FleetScreen>;

/** `GET /api/fleet`: every screen, every group, and the venue alert. */
export const FleetSnapshot = z.strictObject({
  ok: z.literal(true),
  screens: z.array(FleetScreen),
  groups: z.array(FleetName),
  alert: FleetAlert,
  now: EpochMs,
});
/** `GET /api/fleet`. */
export type FleetSnapshot = z.infer<typeof FleetSnapshot>;

/** `GET /api/fleet/thumbnails[?since=T]`: the screens' latest thumbnails captured after T (all without it). */
export const ThumbnailsSnapshot = z.strictObject({
  ok: z.literal(true),
  thumbnails: z.array(FleetThumbnail),
  now: EpochMs,
});
/** `GET /api/fleet/thumbnails`. */
export type ThumbnailsSnapshot = z.infer<typeof ThumbnailsSnapshot>;

/** Who a command from the fleet remote goes to. */
export const SendTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('screen'), screen: FleetName }),
  z.strictObject({ kind: z.literal('screens'), screens: z.array(FleetName).min(1).max(500) }),
  z.strictObject({ kind: z.literal('group'), group: FleetName }),
  z.strictObject({ kind: z.literal('all') }),
]);
/** Who a command from the fleet remote goes to. */
export type SendTarget = z.infer<typeof SendTarget>;

/** `POST /api/fleet/commands`: a protocol v1 command (without `id`; the hub gives it one) for a target. */
export const SendRequest = z.strictObject({
  target: SendTarget,
  command: z.looseObject({ type: z.string() }),
  /** How long screens may still run it, ms (default 30 s). */
  ttlMs: z.number().int().min(1_000).max(3_600_000).optional(),
});
/** `POST /api/fleet/commands`. */
export type SendRequest = z.infer<typeof SendRequest>;

/** The answer: the command's id and every reply that came within the wait. */
export const SendResult = z.strictObject({
  ok: z.literal(true),
  id: z.string(),
  expiresAt: EpochMs,
  /** The screens online and addressed when it was sent. */
  expected: z.array(FleetName),
  replies: z.array(z.strictObject({ screen: FleetName, reply: FleetReply })),
  /** The walls it moved: each got a cue for fleet time `at` (docs/walls.md). */
  cues: z.array(z.strictObject({ wall: FleetName, at: z.number() })).optional(),
});
/** The answer to `POST /api/fleet/commands`. */
export type SendResult = z.infer<typeof SendResult>;

/**
 * `SendResult` as a client reads it, leniently: who was addressed and each screen's reply, either done or a
 * refusal with any non-empty code. Why: a page left open across a hub upgrade still says a refusal whose code it
 * does not know, in the screen's own text, instead of finding the whole answer unreadable.
 */
export const SendSummary = z.object({
  ok: z.literal(true),
  expected: z.array(z.string()),
  replies: z.array(
    z.object({ screen: z.string(), reply: z.union([z.object({ ok: z.literal(true) }), LanRefusalSchema]) }),
  ),
});
/** `SendResult` as a client reads it. */
export type SendSummary = z.infer<typeof SendSummary>;

/** `POST /api/fleet/alert`: raise the venue alert with its text, or clear it. */
export const AlertRequest = z.discriminatedUnion('active', [
  z.strictObject({ active: z.literal(true), text: Text, title: Text.optional() }),
  z.strictObject({ active: z.literal(false) }),
]);
/** `POST /api/fleet/alert`. */
export type AlertRequest = z.infer<typeof AlertRequest>;

/** The answer to `POST /api/fleet/alert`: the venue alert as it now stands. */
export const AlertResult = z.strictObject({ ok: z.literal(true), alert: FleetAlert });
/** The answer to `POST /api/fleet/alert`. */
export type AlertResult = z.infer<typeof AlertResult>;
