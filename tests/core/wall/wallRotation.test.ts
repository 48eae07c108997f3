import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCue,
  anchorAt,
  cueAnchor,
  FREE_RUNNING,
  type WallCommand,
  type WallSlide,
  type WallTimeline,
  timelinePositionAt,
  wallPositionAt,
} from '../../../src/core/wall/wallRotation';

const slides: readonly WallSlide[] = [
  { id: 'a', durationMs: 10_000 },
  { id: 'b', durationMs: 5_000 },
  { id: 'c', durationMs: 15_000 },
];

const arbSlides = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) => fc.integer({ min: 1, max: 60_000 }).map((durationMs) => ({ id, durationMs }))),
    ),
  );
const arbCommand: fc.Arbitrary<WallCommand> = fc.oneof(
  fc.constant({ type: 'next' as const }),
  fc.constant({ type: 'prev' as const }),
  fc.constant({ type: 'pause' as const }),
  fc.constant({ type: 'resume' as const }),
  fc.string({ maxLength: 3 }).map((slideId) => ({ type: 'goto' as const, slideId })),
);

describe('wallPositionAt', () => {
  it('walks the rotation from fleet time zero', () => {
    expect(wallPositionAt(slides, FREE_RUNNING, 0)).toEqual({ slideId: 'a', startedAt: 0, endsAt: 10_000 });
    expect(wallPositionAt(slides, FREE_RUNNING, 12_000)).toEqual({
      slideId: 'b',
      startedAt: 10_000,
      endsAt: 15_000,
    });
    expect(wallPositionAt(slides, FREE_RUNNING, 30_000 * 1000 + 16_000)?.slideId).toBe('c');
  });

  it('is empty without slides, and a held slide has no end', () => {
    expect(wallPositionAt([], FREE_RUNNING, 5)).toBeNull();
    expect(wallPositionAt(slides, { kind: 'held', slideId: 'b', at: 7 }, 1e12)).toEqual({
      slideId: 'b',
      startedAt: 7,
      endsAt: null,
    });
  });

  it('two members that agree on fleet time agree on the slide, and the slide covers the instant (property)', () => {
    fc.assert(
      fc.property(arbSlides, fc.integer({ min: 0, max: 4_000_000_000_000 }), (list, now) => {
        const p = wallPositionAt(list, FREE_RUNNING, now);
        expect(p).toEqual(wallPositionAt([...list], { ...FREE_RUNNING }, now));
        if (!p || p.endsAt === null) throw new Error('a running rotation always has a slide with an end');
        expect(p.startedAt).toBeLessThanOrEqual(now);
        expect(p.endsAt).toBeGreaterThan(now);
        expect(p.endsAt - p.startedAt).toBe(list.find((s) => s.id === p.slideId)?.durationMs);
        // The next slide starts exactly when this one ends: no gap, no overlap.
        const after = wallPositionAt(list, FREE_RUNNING, p.endsAt);
        expect(after?.startedAt).toBe(p.endsAt);
      }),
    );
  });
});

describe('cueAnchor', () => {
  it('next at T puts the following slide up at T', () => {
    const anchor = cueAnchor(slides, FREE_RUNNING, { type: 'next' }, 2_000);
    expect(wallPositionAt(slides, anchor, 2_000)).toEqual({ slideId: 'b', startedAt: 2_000, endsAt: 7_000 });
    expect(wallPositionAt(slides, anchor, 7_000)?.slideId).toBe('c');
  });

  it('pause holds the current slide; resume runs on from it', () => {
    const held = cueAnchor(slides, FREE_RUNNING, { type: 'pause' }, 12_000);
    expect(wallPositionAt(slides, held, 99_000)).toMatchObject({ slideId: 'b', endsAt: null });
    const running = cueAnchor(slides, held, { type: 'resume' }, 100_000);
    expect(wallPositionAt(slides, running, 104_999)?.slideId).toBe('b');
    expect(wallPositionAt(slides, running, 105_000)?.slideId).toBe('c');
  });

  it('goto an unknown slide changes nothing', () => {
    expect(cueAnchor(slides, FREE_RUNNING, { type: 'goto', slideId: 'zz' }, 5)).toBe(FREE_RUNNING);
  });

  it('a cue changes nothing before its time, and next then prev returns (property)', () => {
    fc.assert(
      fc.property(
        arbSlides,
        fc.array(
          fc.tuple(arbCommand, fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 900 })),
          {
            maxLength: 12,
          },
        ),
        (list, commands) => {
          let timeline: WallTimeline = [FREE_RUNNING];
          let now = 1_000_000;
          for (const [command, gap, lead] of commands) {
            const at = now + lead;
            const cue = cueAnchor(list, anchorAt(timeline, at), command, at);
            const next = addCue(timeline, cue, now);
            for (const t of [now, at - 1]) {
              expect(timelinePositionAt(list, next, t)).toEqual(timelinePositionAt(list, timeline, t));
            }
            const shown = timelinePositionAt(list, next, at + 1)?.slideId;
            const there = cueAnchor(list, anchorAt(next, at + 1), { type: 'next' }, at + 1);
            const back = cueAnchor(list, there, { type: 'prev' }, at + 1);
            expect(wallPositionAt(list, back, at + 1)?.slideId).toBe(shown);
            timeline = next;
            now = at + gap;
          }
        },
      ),
    );
  });
});
