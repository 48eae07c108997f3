import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEligible } from '../../../src/core/player/eligibility';
import { createPlayer, currentSlide, transition } from '../../../src/core/player/playerMachine';
import type { Effect, PlayerEvent, PlayerState } from '../../../src/core/player/playerTypes';
import type { Playlist, Slide } from '../../../src/core/playlist/types';
import { beijing, playlist, slide } from './playlistBuilder';

const hhmm = fc
  .integer({ min: 0, max: 23 * 60 + 59 })
  .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

const windowArb = fc
  .record({
    from: fc.option(hhmm, { nil: undefined }),
    to: fc.option(hhmm, { nil: undefined }),
    dates: fc.option(fc.subarray(['2018-12-20', '2018-12-21', '2018-12-22'], { minLength: 1 }), {
      nil: undefined,
    }),
    weekdays: fc.option(
      fc.subarray(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const, { minLength: 1 }),
      { nil: undefined },
    ),
  })
  .map((w) => Object.fromEntries(Object.entries(w).filter(([, v]) => v !== undefined)));

const slideArb = (i: number) =>
  fc
    .record({
      duration: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
      enabled: fc.option(fc.boolean(), { nil: undefined }),
      when: fc.option(fc.array(windowArb, { minLength: 1, maxLength: 2 }), { nil: undefined }),
      video: fc.boolean(),
    })
    .map(({ video, ...r }): Slide => {
      const extra = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
      return video
        ? ({ type: 'video', id: `s${i}`, src: 'v.mp4', ...extra } as Slide)
        : slide(`s${i}`, extra);
    });

const playlistArb = fc
  .integer({ min: 0, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => slideArb(i))))
  .map((slides) => playlist(slides, 10));

const eventArb = (seqHint: () => number): fc.Arbitrary<PlayerEvent> =>
  fc.oneof(
    fc.constant<PlayerEvent>({ type: 'wake' }),
    fc.constant<PlayerEvent>({ type: 'next' }),
    fc.constant<PlayerEvent>({ type: 'prev' }),
    fc
      .oneof(fc.integer({ min: -2, max: 12 }), fc.constantFrom('s0', 's3', 'nope'))
      .map((target): PlayerEvent => ({ type: 'goto', target })),
    fc
      .tuple(fc.constantFrom('s0', 's3', 'nope'), fc.constantFrom('time-up' as const, 'staff' as const))
      .map(([slideId, reason]): PlayerEvent => ({ type: 'cue', slideId, reason })),
    fc.constant<PlayerEvent>({ type: 'pause' }),
    fc.constant<PlayerEvent>({ type: 'resume' }),
    fc.boolean().map((on): PlayerEvent => ({ type: 'blackout', on })),
    fc
      .option(fc.integer({ min: 1, max: 600 }), { nil: undefined })
      .map((seconds): PlayerEvent => ({ type: 'announce', text: 'x', ...(seconds ? { seconds } : {}) })),
    fc.constant<PlayerEvent>({ type: 'clear-announcement' }),
    playlistArb.map((p): PlayerEvent => ({ type: 'load', playlist: p })),
    fc
      .integer({ min: 0, max: 3 })
      .map(
        (d): PlayerEvent => ({ type: 'presented', seq: Math.max(0, seqHint() - d), mediaDurationMs: 5_000 }),
      ),
    fc
      .integer({ min: 0, max: 1 })
      .map((d): PlayerEvent => ({ type: 'slide-failed', seq: seqHint() - d, reason: 'x' })),
  );

/** The invariant: the slot is a slide in the rotation (or a staff override), or idle only when nothing can play. */
function checkInvariant(state: PlayerState, now: number): void {
  const slide = currentSlide(state);
  if (state.slot.kind === 'slide') {
    expect(slide).not.toBeNull();
    if (slide && !state.slot.override) expect(isEligible(state.playlist, slide, now)).toBe(true);
  } else {
    const playable = state.playlist.slides.filter((s) => {
      const failedAt = state.failures[s.id];
      return isEligible(state.playlist, s, now) && (failedAt === undefined || now - failedAt >= 60_000);
    });
    expect(playable).toEqual([]);
  }
}

describe('player machine properties', () => {
  it('never throws, and the current slide is always eligible or a staff override', () => {
    let seq = 0;
    fc.assert(
      fc.property(
        playlistArb,
        fc.integer({ min: 0, max: 3 * 86_400_000 }),
        fc.array(
          fc.tuple(
            eventArb(() => seq),
            fc.integer({ min: 0, max: 4 * 3_600_000 }),
          ),
          { maxLength: 40 },
        ),
        (list, offset, steps) => {
          let now = beijing('00:00') + offset;
          let state = createPlayer(list, now).state;
          checkInvariant(state, now);
          for (const [event, dt] of steps) {
            seq = state.slot.seq;
            now += dt;
            state = transition(state, event, now).state;
            checkInvariant(state, now);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns to the same slide after next then prev', () => {
    fc.assert(
      fc.property(
        playlistArb,
        fc.integer({ min: 0, max: 86_400_000 }),
        fc.integer({ min: 0, max: 10 }),
        (list, offset, hops) => {
          const now = beijing('00:00') + offset;
          let state = createPlayer(list, now).state;
          for (let i = 0; i < hops; i++) state = transition(state, { type: 'next' }, now).state;
          const before = currentSlide(state)?.id;
          fc.pre(before !== undefined && state.slot.kind === 'slide' && !state.slot.override);
          const there = transition(state, { type: 'next' }, now).state;
          const back = transition(there, { type: 'prev' }, now).state;
          expect(currentSlide(back)?.id).toBe(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives every eligible slide its share of airtime over a simulated week, within one slide', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ duration: fc.integer({ min: 30, max: 900 }), enabled: fc.boolean() }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 0, max: 1_000 }),
        (specs, ackDelayMs) => {
          const list: Playlist = playlist(specs.map((s, i) => slide(`s${i}`, s)));
          const week = 7 * 86_400_000;
          let now = beijing('00:00');
          const end = now + week;
          let step = createPlayer(list, now);
          const airtime = new Map<string, number>();
          const record = (effects: readonly Effect[]) => {
            for (const e of effects)
              if (e.type === 'played') airtime.set(e.slideId, (airtime.get(e.slideId) ?? 0) + e.shownMs);
          };
          while (now < end) {
            record(step.effects);
            if (!step.state.slot.kind || (step.state.slot.kind === 'slide' && !step.state.slot.presented)) {
              now += ackDelayMs;
              step = transition(step.state, { type: 'presented', seq: step.state.slot.seq }, now);
              continue;
            }
            const wake = step.effects.findLast((e) => e.type === 'schedule-wake');
            if (wake?.type !== 'schedule-wake' || wake.at === null) break;
            now = wake.at;
            step = transition(step.state, { type: 'wake' }, now);
          }
          const eligible = specs.map((s, i) => ({ ...s, id: `s${i}` })).filter((s) => s.enabled);
          const shown = [...airtime.values()].reduce((a, b) => a + b, 0);
          const weight = eligible.reduce((a, s) => a + s.duration, 0);
          const longest = Math.max(0, ...eligible.map((s) => s.duration)) * 1000;
          for (const s of specs.map((spec, i) => ({ ...spec, id: `s${i}` }))) {
            const got = airtime.get(s.id) ?? 0;
            if (!s.enabled) expect(got).toBe(0);
            else expect(Math.abs(got - (shown * s.duration) / weight)).toBeLessThanOrEqual(longest);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
