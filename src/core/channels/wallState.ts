import * as z from 'zod/mini';
import type { WallAnchor } from '../wall/wallRotation';

// The wall schemas health reports as well as the fleet status (wallContract.ts re-exports them), in zod/mini:
// the web remote validates health and bundles them.

const SlideId = z.string().check(z.minLength(1), z.maxLength(64));

/** Where a wall's rotation stands (`WallAnchor` in core/wall/wallRotation.ts). */
export const WallAnchorSchema: z.ZodMiniType<WallAnchor> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('running'), slideId: z.nullable(SlideId), at: z.number() }),
  z.strictObject({ kind: z.literal('held'), slideId: SlideId, at: z.number() }),
]);

/** How a screen keeps fleet time: offset to its clock, the error bound, where it comes from, when measured. */
export const FleetTimeSchema = z.strictObject({
  /** Fleet time = this host's clock + offsetMs. */
  offsetMs: z.number(),
  /** The true offset is within ±errorMs (null: not measured). */
  errorMs: z.nullable(z.number().check(z.nonnegative())),
  /** `bus`: measured against the hub over the bus; `local`: the machine's clock as is (chrony/NTP). */
  source: z.enum(['local', 'bus']),
  /** When the estimate in force was made (this host's clock, epoch ms); null: never. */
  measuredAt: z.nullable(z.number()),
});

/** The last change a wall member painted: its slide, the planned fleet instant and its first painted frame. */
export const WallShown = z.strictObject({
  slideId: z.string(),
  plannedAt: z.number(),
  shownAt: z.number(),
  /** How many frames off its instant the page flipped, late or early (a busy machine), plus the frames the slide
   * was put up late; 0: on time. */
  missedFrames: z.number().check(z.int(), z.nonnegative()),
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
