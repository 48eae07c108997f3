import {
  anchorAt,
  cueAnchor,
  type WallAnchor,
  type WallCommand,
  type WallSlide,
  type WallTimeline,
} from './wallRotation';

/**
 * A cue on a wall's cue topic: staff command `command` takes effect at fleet time `at`, applied to `base`, the
 * anchor in force just before it as the publisher knew it, or a cue the publisher sent just before this one
 * and whose result it could not know yet (the hub, which has no playlist, chains them). Self-contained, so a
 * member that joins late and reads only the retained cue lands where the others are.
 */
export type WallCue = Readonly<{
  id: string;
  at: number;
  command: WallCommand;
  base: WallAnchor | WallCue;
}>;

/** How far ahead of now a cue takes effect: time for it to cross the bus and for every member to preload. */
export const CUE_LEAD_MS = 300;

/** How deep cues may chain (`base` a cue whose `base` is a cue …). */
export const MAX_CUE_DEPTH = 8;

/** Whether `base` is an anchor (not a chained cue). */
export function isAnchor(base: WallAnchor | WallCue): base is WallAnchor {
  return 'kind' in base;
}

/** How many cues deep `cue` chains (1: its base is an anchor). */
export function cueDepth(cue: WallCue): number {
  let depth = 1;
  let base = cue.base;
  while (!isAnchor(base)) {
    depth += 1;
    base = base.base;
  }
  return depth;
}

/**
 * The anchor a cue puts in force at its `at`: its base resolved (recursively), then `cueAnchor`. Pure: every
 * member with the same playlist gets the same anchor. `slidesAt` is the wall's rotation at a fleet instant.
 */
export function resolveCue(slidesAt: (fleetMs: number) => readonly WallSlide[], cue: WallCue): WallAnchor {
  const base = isAnchor(cue.base) ? cue.base : resolveCue(slidesAt, cue.base);
  return cueAnchor(slidesAt(cue.at), base, cue.command, cue.at);
}

/**
 * The cue a publisher sends for `command` at fleet time `at`: its base is the newest of what it knows, the
 * anchor it saw in force or the last cue it sent (when that is newer: its result is not known yet).
 */
export function nextCue(
  id: string,
  command: WallCommand,
  at: number,
  known: Readonly<{ anchor: WallAnchor | null; lastCue: WallCue | null }>,
): WallCue {
  const { anchor, lastCue } = known;
  const chain =
    lastCue !== null && (anchor === null || lastCue.at > anchor.at) && cueDepth(lastCue) < MAX_CUE_DEPTH;
  const base: WallAnchor | WallCue = chain ? lastCue : (anchor ?? { kind: 'running', slideId: null, at: 0 });
  return { id, at, command, base };
}

/** The anchor in force in `timeline` just before fleet time `at` (what a member uses as a local cue's base). */
export function baseFor(timeline: WallTimeline, at: number): WallAnchor {
  return anchorAt(
    timeline.filter((a) => a.at < at),
    at,
  );
}
