import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFleetPayload, WallCueSchema } from '../../../src/core/channels/fleetContract';
import { readWallCommand } from '../../../src/core/wall/wallCommand';
import { cueDepth, MAX_CUE_DEPTH, nextCue, resolveCue, type WallCue } from '../../../src/core/wall/wallCue';
import {
  addCue,
  cueAnchor,
  FREE_RUNNING,
  timelinePositionAt,
  type WallAnchor,
  type WallCommand,
  type WallSlide,
} from '../../../src/core/wall/wallRotation';

const slides: readonly WallSlide[] = [
  { id: 'a', durationMs: 4_000 },
  { id: 'b', durationMs: 7_000 },
  { id: 'c', durationMs: 10_000 },
];
const slidesAt = () => slides;
const command: fc.Arbitrary<WallCommand> = fc.oneof(
  fc.constantFrom<WallCommand>({ type: 'next' }, { type: 'prev' }, { type: 'pause' }, { type: 'resume' }),
  fc.constantFrom('a', 'b', 'c').map((slideId) => ({ type: 'goto', slideId }) as const),
);
/** Commands with strictly increasing fleet times. */
const commands = fc.array(fc.tuple(command, fc.integer({ min: 1, max: 30_000 })), {
  minLength: 1,
  maxLength: 12,
});

describe('wall cues', () => {
  it('a chain of cues resolves to what applying their commands one by one gives', () => {
    fc.assert(
      fc.property(commands, (steps) => {
        let at = 1_000_000;
        let anchor: WallAnchor = FREE_RUNNING;
        let chained: WallCue | null = null;
        for (const [cmd, gap] of steps) {
          at += gap;
          const before = anchor;
          anchor = cueAnchor(slides, anchor, cmd, at);
          // The hub never learns the results, except when its chain is as deep as allowed: then it has caught up.
          const caughtUp = chained !== null && cueDepth(chained) >= MAX_CUE_DEPTH;
          chained = nextCue(`c${at}`, cmd, at, { anchor: caughtUp ? before : null, lastCue: chained });
          expect(cueDepth(chained)).toBeLessThanOrEqual(MAX_CUE_DEPTH);
          expect(resolveCue(slidesAt, chained)).toEqual(anchor);
        }
      }),
    );
  });

  it('a member that joins late and reads only the retained cue shows what the members that saw every cue show', () => {
    fc.assert(
      fc.property(commands, fc.integer({ min: 0, max: 120_000 }), (steps, later) => {
        let at = 1_000_000;
        let timeline = [FREE_RUNNING] as readonly WallAnchor[];
        let last: WallCue | null = null;
        for (const [cmd, gap] of steps) {
          at += gap;
          // The publisher (the leader) bases each cue on the anchor in force just before it.
          const base =
            timelinePositionAt(slides, timeline, at) === null
              ? FREE_RUNNING
              : (timeline.filter((a) => a.at < at).at(-1) ?? FREE_RUNNING);
          last = { id: `c${at}`, at, command: cmd, base };
          timeline = addCue(timeline, resolveCue(slidesAt, last), at - 300);
        }
        const now = at + later;
        const lateJoiner = [FREE_RUNNING, resolveCue(slidesAt, last as WallCue)];
        expect(timelinePositionAt(slides, lateJoiner, now)).toEqual(
          timelinePositionAt(slides, timeline, now),
        );
      }),
    );
  });

  it('chains on the last cue only while no newer anchor is known, and never deeper than the limit', () => {
    const anchor: WallAnchor = { kind: 'running', slideId: 'b', at: 5_000 };
    const older = nextCue('x', { type: 'next' }, 4_000, { anchor: null, lastCue: null });
    expect(nextCue('y', { type: 'next' }, 6_000, { anchor, lastCue: older }).base).toEqual(anchor);
    const newer = nextCue('x', { type: 'next' }, 5_500, { anchor, lastCue: null });
    expect(nextCue('y', { type: 'next' }, 6_000, { anchor, lastCue: newer }).base).toEqual(newer);
    let deep: WallCue = newer;
    for (let i = 0; i < 20; i += 1)
      deep = nextCue(`d${i}`, { type: 'next' }, 6_000 + i, { anchor, lastCue: deep });
    expect(cueDepth(deep)).toBeLessThanOrEqual(MAX_CUE_DEPTH);
  });

  it('checks cues at the boundary: a good one parses, a too deep or malformed one is refused, naming the topic', () => {
    const topic = 'marquee/v1/wall/lobby/cue';
    const good = { id: 'c1', at: 1.5, command: { type: 'goto', slideId: 'b' }, base: FREE_RUNNING };
    expect(parseFleetPayload(WallCueSchema, topic, JSON.stringify(good))).toEqual({ ok: true, value: good });
    let deep: unknown = FREE_RUNNING;
    for (let i = 0; i <= MAX_CUE_DEPTH; i += 1)
      deep = { id: `c${i}`, at: i, command: { type: 'next' }, base: deep };
    const tooDeep = parseFleetPayload(WallCueSchema, topic, JSON.stringify(deep));
    expect(tooDeep.ok).toBe(false);
    const bad = parseFleetPayload(
      WallCueSchema,
      topic,
      JSON.stringify({ ...good, command: { type: 'blackout' } }),
    );
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining(topic) });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        expect(() => parseFleetPayload(WallCueSchema, topic, text)).not.toThrow();
      }),
    );
  });

  it('reads which control commands move a wall, resolving goto by position against the playlist', () => {
    const ids = ['a', 'b', 'c'];
    expect(readWallCommand({ type: 'next' }, null)).toEqual({ kind: 'wall', command: { type: 'next' } });
    expect(readWallCommand({ type: 'goto', slide: 2 }, ids)).toEqual({
      kind: 'wall',
      command: { type: 'goto', slideId: 'b' },
    });
    expect(readWallCommand({ type: 'goto', slide: 2 }, null)).toEqual({ kind: 'not-wall' });
    expect(readWallCommand({ type: 'goto', slide: 9 }, ids)).toMatchObject({ kind: 'unknown-slide' });
    expect(readWallCommand({ type: 'goto', slide: 'z' }, ids)).toMatchObject({ kind: 'unknown-slide' });
    expect(readWallCommand({ type: 'blackout', on: true }, ids)).toEqual({ kind: 'not-wall' });
  });
});
