import { z } from 'zod';
import type { WallCue } from '../wall/wallCue';
import { MAX_CUE_DEPTH, cueDepth } from '../wall/wallCue';
import type { WallAnchor, WallCommand } from '../wall/wallRotation';
import { FleetTimeSchema, WallAnchorSchema, WallShown, WallVideo } from './wallState';

// The walls' part of the fleet contract v1 (docs/fleet.md, docs/walls.md): fleet time requests and replies,
// wall cues, and the wall section of a screen's status. What health also reports is in wallState.ts (zod/mini).

export { FleetTimeSchema, WallAnchorSchema, WallShown, WallVideo };

const SlideId = z.string().min(1).max(64);
const FleetMs = z.number().finite();

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

/** The wall section of a member's retained status: what the hub and the tests read. */
export const StatusWall = z.strictObject({
  name: z.string(),
  column: z.number().int().nonnegative(),
  row: z.number().int().nonnegative(),
  fleetTime: FleetTimeSchema,
  /** The anchor in force now (the hub's base for the next cue it sends this wall). */
  anchor: WallAnchorSchema,
  shown: z.nullable(WallShown),
  /** A spanned video's media time at a fleet instant (absent from screens before it was added). */
  video: z.optional(z.nullable(WallVideo)),
});
/** The wall section of a status. */
export type StatusWall = z.infer<typeof StatusWall>;
