import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isForScreen } from '../../../src/core/player/eligibility';
import { createPlayer, currentSlide, transition } from '../../../src/core/player/playerMachine';
import type { Audience, Effect, PlayerEvent, PlayerState } from '../../../src/core/player/playerTypes';
import type { Playlist, Slide } from '../../../src/core/playlist/types';
import { beijing, playlist, slide } from './playlistBuilder';

// Where a slide plays (`on`): properties of the player for one screen of a fleet.

const NAMES = ['door-3', 'hall-a', 'doors', 'lobby-wall', 'elsewhere'] as const;

const audienceArb: fc.Arbitrary<Audience> = fc.record({
  screen: fc.constantFrom('door-3', 'main', 'kiosk-1'),
  groups: fc.subarray(['hall-a', 'doors'], { minLength: 0 }),
  wall: fc.constantFrom(null, 'lobby-wall'),
});

const slideArb = (i: number, withOn: boolean): fc.Arbitrary<Slide> =>
  fc
    .record({
      duration: fc.integer({ min: 1, max: 120 }),
      enabled: fc.option(fc.boolean(), { nil: undefined }),
      on: withOn
        ? fc.option(fc.subarray([...NAMES], { minLength: 1 }), { nil: undefined })
        : fc.constant(undefined),
    })
    .map((r) => slide(`s${i}`, Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))));

const playlistArb = (withOn: boolean): fc.Arbitrary<Playlist> =>
  fc
    .integer({ min: 1, max: 7 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => slideArb(i, withOn))))
    .map((slides) => playlist(slides));

const eventArb = (withOn: boolean): fc.Arbitrary<PlayerEvent> =>
  fc.oneof(
    fc.constant<PlayerEvent>({ type: 'wake' }),
    fc.constant<PlayerEvent>({ type: 'next' }),
    fc.constant<PlayerEvent>({ type: 'prev' }),
    fc
      .oneof(fc.integer({ min: 1, max: 7 }), fc.constantFrom('s0', 's1', 's2', 's5'))
      .map((target): PlayerEvent => ({ type: 'goto', target })),
    fc
      .constantFrom('s0', 's1', 's3')
      .map((slideId): PlayerEvent => ({ type: 'cue', slideId, reason: 'time-up' })),
    fc.constant<PlayerEvent>({ type: 'pause' }),
    fc.constant<PlayerEvent>({ type: 'resume' }),
    fc.constant<PlayerEvent>({ type: 'presented', seq: -1 }),
    playlistArb(withOn).map((p): PlayerEvent => ({ type: 'load', playlist: p })),
  );

/** Runs `events` (each after `dt` ms) from a fresh player; `presented` acknowledges whatever is on screen. */
function run(
  list: Playlist,
  audience: Audience | null,
  steps: readonly (readonly [PlayerEvent, number])[],
  visit: (state: PlayerState, effects: readonly Effect[], event: PlayerEvent | null) => void,
): void {
  let now = beijing('09:00');
  let step = createPlayer(list, now, undefined, audience);
  visit(step.state, step.effects, null);
  for (const [raw, dt] of steps) {
    now += dt;
    const event: PlayerEvent =
      raw.type === 'presented' ? { type: 'presented', seq: step.state.slot.seq } : raw;
    step = transition(step.state, event, now);
    visit(step.state, step.effects, event);
  }
}

const stepsArb = (withOn: boolean) =>
  fc.array(fc.tuple(eventArb(withOn), fc.integer({ min: 0, max: 200_000 })), { maxLength: 40 });

describe('where slides play (on), properties', () => {
  it('never puts up, nor records an impression of, a slide that is not for the screen', () => {
    fc.assert(
      fc.property(playlistArb(true), audienceArb, stepsArb(true), (list, audience, steps) => {
        run(list, audience, steps, (state, effects) => {
          const shown = currentSlide(state);
          if (shown !== null) expect(isForScreen(shown, audience)).toBe(true);
          for (const effect of effects) {
            if (effect.type !== 'played') continue;
            const played = state.playlist.slides.find((s) => s.id === effect.slideId);
            // Why: after a load the slide may be gone or changed; the impression is of the slide that left.
            if (played !== undefined && effect.reason !== 'reload') {
              expect(isForScreen(played, audience)).toBe(true);
            }
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses goto and cue to a slide for other screens with not-for-screen, leaving the state as it was', () => {
    fc.assert(
      fc.property(playlistArb(true), audienceArb, fc.integer({ min: 0, max: 6 }), (list, audience, at) => {
        const target = list.slides[at % list.slides.length];
        fc.pre(target !== undefined && !isForScreen(target, audience));
        const now = beijing('09:00');
        const start = createPlayer(list, now, undefined, audience).state;
        for (const event of [
          { type: 'goto', target: target?.id ?? '' },
          { type: 'goto', target: (at % list.slides.length) + 1 },
          { type: 'cue', slideId: target?.id ?? '', reason: 'staff' },
        ] as const) {
          const step = transition(start, event, now);
          expect(step.effects).toContainEqual(
            expect.objectContaining({ type: 'rejected', code: 'not-for-screen' }),
          );
          expect(step.state.slot).toEqual(start.slot);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('shows every screen the whole playlist when no slide has "on"', () => {
    fc.assert(
      fc.property(playlistArb(false), audienceArb, stepsArb(false), (list, audience, steps) => {
        const everywhere: unknown[] = [];
        const here: unknown[] = [];
        const slotOf = (state: PlayerState, effects: readonly Effect[]) => ({ slot: state.slot, effects });
        run(list, null, steps, (state, effects) => everywhere.push(slotOf(state, effects)));
        run(list, audience, steps, (state, effects) => here.push(slotOf(state, effects)));
        expect(here).toEqual(everywhere);
      }),
      { numRuns: 200 },
    );
  });

  it('goes round exactly the enabled slides for the screen with next', () => {
    fc.assert(
      fc.property(playlistArb(true), audienceArb, (list, audience) => {
        const now = beijing('09:00');
        let state = createPlayer(list, now, undefined, audience).state;
        const seen = new Set<string>();
        for (let i = 0; i < list.slides.length * 2; i++) {
          const shown = currentSlide(state);
          if (shown !== null) seen.add(shown.id);
          state = transition(state, { type: 'next' }, now).state;
        }
        const expected = list.slides
          .filter((s) => s.enabled !== false && isForScreen(s, audience))
          .map((s) => s.id);
        expect([...seen].sort()).toEqual([...expected].sort());
        if (expected.length === 0) expect(state.slot.kind).toBe('idle');
      }),
      { numRuns: 300 },
    );
  });
});
