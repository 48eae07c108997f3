import { z } from 'zod';
import type { WallCue } from '../wall/wallCue';
import { MAX_CUE_DEPTH, cueDepth } from '../wall/wallCue';
import type { WallAnchor, WallCommand } from '../wall/wallRotation';

// The walls' part of the fleet contract v1 (docs/fleet.md, docs/walls.md): fleet time requests and replies,
// wall cues, and the wall section of a screen's status.

const SlideId = z.string().min(1).max(64);
const FleetMs = z.number().finite();

/** Where a wall's rotation stands (`WallAnchor` in core/wall/wallRotation.ts). */
export const WallAnchorSchema: z.ZodType<WallAnchor> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('running'), slideId: SlideId.nullable(), at: FleetMs }),
  z.strictObject({ kind: z.literal('held'), slideId: SlideId, at: FleetMs }),
]);

/** A staff command to a wall. */
export const WallCommandSchema: z.ZodType<WallCommand> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('next') }),
  z.strictObject({ type: z.literal('prev') }),
  z.strictObject({ type: z.literal('goto'), slideId: SlideId }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
]);

const CueShape: z.ZodType<WallCue> = z.strictObject({
  id: z.string().min(1).max(200),
  at: FleetMs,
  command: WallCommandSchema,
  get base(): z.ZodType<WallAnchor | WallCue> {
    return z.union([WallAnchorSchema, CueShape]);
  },
});

/** `marquee/v1/wall/<wall>/cue`: retained, QoS 1; `command` at fleet time `at`, applied to `base`. */
export const WallCueSchema: z.ZodType<WallCue> = CueShape.refine((cue) => cueDepth(cue) <= MAX_CUE_DEPTH, {
  message: `cues chain at most ${MAX_CUE_DEPTH} deep (base: an anchor or a cue)`,
});

/** `marquee/v1/screen/<screen>/time`: QoS 0, never retained; the screen's clock when it asked. */
export const TimeRequest = z.strictObject({ n: z.number().int().nonnegative(), sentAt: FleetMs });
/** A fleet time request. */
export type TimeRequest = z.infer<typeof TimeRequest>;

/** `marquee/v1/screen/<screen>/time/reply`: QoS 0; the request echoed with the hub's clock when it answered. */
export const TimeReply = TimeRequest.extend({ hubAt: FleetMs });
/** The hub's answer to a fleet time request. */
export type TimeReply = z.infer<typeof TimeReply>;

/** How a screen keeps fleet time: offset to its clock, the error bound, where it comes from, when measured. */
export const FleetTimeSchema = z.strictObject({
  /** Fleet time = this host's clock + offsetMs. */
  offsetMs: z.number(),
  /** The true offset is within ±errorMs (null: not measured). */
  errorMs: z.number().nonnegative().nullable(),
  /** `bus`: measured against the hub over the bus; `local`: the machine's clock as is (chrony/NTP). */
  source: z.enum(['local', 'bus']),
  /** When the estimate in force was made (this host's clock, epoch ms); null: never. */
  measuredAt: z.number().nullable(),
});

/** The last change a wall member painted: its slide, the planned fleet instant and its first painted frame. */
export const WallShown = z.strictObject({
  slideId: z.string(),
  plannedAt: z.number(),
  shownAt: z.number(),
  /** How many frames off its instant the page flipped, late or early (a busy machine), plus the frames the slide
   * was put up late; 0: on time. */
  missedFrames: z.number().int().nonnegative(),
});

/**
 * A spanned video of the wall's current slide as the screen last reported it: `mediaS` seconds into the video at
 * fleet instant `at`, playing at `playbackRate` (its position at fleet time t is mediaS + (t − at) / 1000 × rate).
 */
export const WallVideo = z.strictObject({
  slideId: z.string(),
  mediaS: z.number(),
  at: z.number(),
  playbackRate: z.number(),
});

/** The wall section of a member's retained status: what the hub and the tests read. */
export const StatusWall = z.strictObject({
  name: z.string(),
  column: z.number().int().nonnegative(),
  row: z.number().int().nonnegative(),
  fleetTime: FleetTimeSchema,
  /** The anchor in force now (the hub's base for the next cue it sends this wall). */
  anchor: WallAnchorSchema,
  shown: WallShown.nullable(),
  /** A spanned video's media time at a fleet instant (absent from screens before it was added). */
  video: WallVideo.nullable().optional(),
});
/** The wall section of a status. */
export type StatusWall = z.infer<typeof StatusWall>;
