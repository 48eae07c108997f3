/**
 * A wall's rotation as a pure function of fleet time: every member computes the same slide for the
 * same instant from the same playlist, without exchanging a message, and keeps doing so while the
 * bus is down. Staff commands become cues that re-anchor the rotation at a fleet time.
 */

/** One slide of the wall's rotation and how long it stays, in playing order. */
export type WallSlide = Readonly<{ id: string; durationMs: number }>;

/**
 * Where the rotation stands, as fleet-time data every member shares:
 * - `running`: slide `index` started at fleet time `at`, and the rotation runs on from there;
 * - `held`: staff paused the wall on slide `slideId` at fleet time `at`.
 */
export type WallAnchor =
  | Readonly<{ kind: 'running'; slideId: string | null; at: number }>
  | Readonly<{ kind: 'held'; slideId: string; at: number }>;

/** What a member shows at a fleet instant: the slide, when it went up and when it ends (null: held). */
export type WallPosition = Readonly<{ slideId: string; startedAt: number; endsAt: number | null }>;

/** The rotation from the start of fleet time: the anchor every wall has before any cue. */
export const FREE_RUNNING: WallAnchor = { kind: 'running', slideId: null, at: 0 };

/**
 * The slide on the wall at fleet time `now`, or null when the rotation is empty. A cue's slide that
 * is no longer in the rotation restarts it from the first slide at the cue's time.
 */
export function wallPositionAt(
  slides: readonly WallSlide[],
  anchor: WallAnchor,
  now: number,
): WallPosition | null {
  if (slides.length === 0) return null;
  const startIndex = Math.max(
    0,
    slides.findIndex((s) => s.id === anchor.slideId),
  );
  if (anchor.kind === 'held') {
    const held = slides.find((s) => s.id === anchor.slideId);
    if (held) return { slideId: held.id, startedAt: anchor.at, endsAt: null };
  }
  const cycleMs = slides.reduce((sum, s) => sum + Math.max(1, s.durationMs), 0);
  const since = now - anchor.at;
  // Why: floor, not trunc: an instant before the anchor still lands on a slide of the cycle.
  const cycles = Math.floor(since / cycleMs);
  let t = since - cycles * cycleMs;
  let startedAt = anchor.at + cycles * cycleMs;
  for (let k = 0; k < slides.length; k += 1) {
    const slide = slides[(startIndex + k) % slides.length] as WallSlide;
    const length = Math.max(1, slide.durationMs);
    if (t < length) return { slideId: slide.id, startedAt, endsAt: startedAt + length };
    t -= length;
    startedAt += length;
  }
  // Unreachable: t < cycleMs. Kept total for floating point.
  const first = slides[startIndex] as WallSlide;
  return { slideId: first.id, startedAt, endsAt: startedAt + Math.max(1, first.durationMs) };
}

/** A staff command to the wall, as a cue for fleet time `at` (a few hundred ms ahead of now). */
export type WallCommand =
  | Readonly<{ type: 'next' }>
  | Readonly<{ type: 'prev' }>
  | Readonly<{ type: 'goto'; slideId: string }>
  | Readonly<{ type: 'pause' }>
  | Readonly<{ type: 'resume' }>;

/**
 * The anchor after a staff command takes effect at fleet time `at`. Pure, so the member that turns
 * the command into a cue and any member that replays it agree. An unknown slide leaves it as it was.
 */
export function cueAnchor(
  slides: readonly WallSlide[],
  anchor: WallAnchor,
  command: WallCommand,
  at: number,
): WallAnchor {
  const current = wallPositionAt(slides, anchor, at);
  if (!current) return anchor;
  const index = slides.findIndex((s) => s.id === current.slideId);
  const step = (delta: number) => (slides[(index + delta + slides.length) % slides.length] as WallSlide).id;
  switch (command.type) {
    case 'next':
      return { kind: anchor.kind, slideId: step(1), at };
    case 'prev':
      return { kind: anchor.kind, slideId: step(-1), at };
    case 'goto':
      return slides.some((s) => s.id === command.slideId)
        ? { kind: anchor.kind, slideId: command.slideId, at }
        : anchor;
    case 'pause':
      return { kind: 'held', slideId: current.slideId, at };
    case 'resume':
      return anchor.kind === 'held' ? { kind: 'running', slideId: current.slideId, at } : anchor;
  }
}

/**
 * The anchors a member knows, oldest first: the one in force and any cues still ahead. A cue for
 * fleet time T changes nothing before T, because until T the anchor before it stays in force.
 */
export type WallTimeline = readonly WallAnchor[];

/** The anchor in force at `now`: the latest one at or before it (the first one before them all). */
export function anchorAt(timeline: WallTimeline, now: number): WallAnchor {
  let current = timeline[0] ?? FREE_RUNNING;
  for (const anchor of timeline) if (anchor.at <= now) current = anchor;
  return current;
}

/** The timeline with a cue added, in time order; anchors that can no longer be in force at `now` are dropped. */
export function addCue(timeline: WallTimeline, cue: WallAnchor, now: number): WallTimeline {
  const inForce = anchorAt(timeline, now);
  const later = timeline.filter((a) => a.at > now && a.at !== cue.at);
  return [inForce, ...later, cue].filter((a, i, all) => all.indexOf(a) === i).sort((a, b) => a.at - b.at);
}

/** The slide on the wall at `now`, by the timeline. */
export function timelinePositionAt(
  slides: readonly WallSlide[],
  timeline: WallTimeline,
  now: number,
): WallPosition | null {
  return wallPositionAt(slides, anchorAt(timeline, now), now);
}
