import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DisplayInfo } from '../../../src/host/kiosk/displayPlan';
import {
  assignScreens,
  type DisplayScreenInputs,
  planDisplayScreens,
} from '../../../src/host/kiosk/displayScreens';

const left: DisplayInfo = { id: 11, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const right: DisplayInfo = { id: 22, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } };
const main = { screen: 'booth-pc', groups: ['hall-a'] } as const;

const twoScreens: DisplayScreenInputs = {
  // Why: Electron lists displays in no particular order; numbers count from the left.
  displays: [right, left],
  selection: { kind: 'all' },
  primaryId: left.id,
  main,
  mapping: {
    '1': { screen: 'hall-a-schedule' },
    '2': { screen: 'hall-a-sponsors', groups: ['sponsors'] },
  },
};

describe('planDisplayScreens', () => {
  it('runs one screen per display with its own name and groups, the leftmost first', () => {
    expect(planDisplayScreens(twoScreens)).toEqual({
      screens: [
        { screen: 'hall-a-schedule', groups: [] },
        { screen: 'hall-a-sponsors', groups: ['sponsors'] },
      ],
      assignments: [
        { displayId: 11, number: 1, screen: 'hall-a-schedule' },
        { displayId: 22, number: 2, screen: 'hall-a-sponsors' },
      ],
      problems: [],
    });
  });

  it("plays the machine's own screen on a display without an entry", () => {
    const plan = planDisplayScreens({ ...twoScreens, mapping: { '2': { screen: 'sponsors-tv' } } });
    expect(plan.screens).toEqual([main, { screen: 'sponsors-tv', groups: [] }]);
    expect(plan.assignments.map((a) => a.screen)).toEqual(['booth-pc', 'sponsors-tv']);
  });

  it('without displays, plays the one screen on every display, as before', () => {
    const plan = planDisplayScreens({ ...twoScreens, mapping: {} });
    expect(plan.screens).toEqual([main]);
    expect(plan.assignments.map((a) => a.screen)).toEqual(['booth-pc', 'booth-pc']);
    expect(planDisplayScreens({ ...twoScreens, displays: [] }).screens).toEqual([main]);
  });

  it('reports an entry for a display that is not connected, and the other displays still play', () => {
    const plan = planDisplayScreens({
      ...twoScreens,
      mapping: { ...twoScreens.mapping, '3': { screen: 'foyer' } },
    });
    expect(plan.screens.map((s) => s.screen)).toEqual(['hall-a-schedule', 'hall-a-sponsors']);
    expect(plan.problems).toEqual([
      'displays."3": there is no display 3 (2 connected, numbered from the left): screen "foyer" does not play; connect the display and restart Marquee, or remove the entry',
    ]);
  });

  it('reports an entry for a display the selection leaves out', () => {
    const plan = planDisplayScreens({ ...twoScreens, selection: { kind: 'primary' } });
    expect(plan.assignments).toEqual([{ displayId: 11, number: 1, screen: 'hall-a-schedule' }]);
    expect(plan.problems).toEqual([
      'displays."2": display 2 gets no window (display is "primary"): screen "hall-a-sponsors" does not play; set display to "all" to use it',
    ]);
  });
});

describe('assignScreens', () => {
  it('shows a running screen on a display whose own screen did not start (plugged in later)', () => {
    expect(assignScreens(twoScreens, ['hall-a-schedule']).map((a) => a.screen)).toEqual([
      'hall-a-schedule',
      'hall-a-schedule',
    ]);
    expect(
      assignScreens({ ...twoScreens, mapping: { '1': { screen: 'x' } } }, ['booth-pc']).map((a) => a.screen),
    ).toEqual(['booth-pc', 'booth-pc']);
  });

  it('gives every selected display exactly one screen, always one that runs (property)', () => {
    const displayArb = fc.uniqueArray(
      fc.record({ id: fc.integer({ min: 1, max: 50 }), x: fc.integer({ min: 0, max: 8 }) }),
      { selector: (d) => d.id, minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(
        displayArb,
        fc.dictionary(
          fc.constantFrom('1', '2', '3', '4', '6'),
          fc.record({ screen: fc.constantFrom('a', 'b', 'c', 'd') }),
        ),
        fc.constantFrom(
          { kind: 'all' } as const,
          { kind: 'primary' } as const,
          { kind: 'number', n: 2 } as const,
        ),
        (raw, mapping, selection) => {
          const displays = raw.map((d) => ({
            id: d.id,
            bounds: { x: d.x * 1920, y: 0, width: 1920, height: 1080 },
          }));
          const inputs = { displays, selection, primaryId: displays[0]?.id ?? 0, main, mapping };
          const plan = planDisplayScreens(inputs);
          const names = plan.screens.map((s) => s.screen);
          expect(new Set(names).size).toBe(names.length);
          for (const a of plan.assignments) expect(names).toContain(a.screen);
          expect(new Set(plan.assignments.map((a) => a.displayId)).size).toBe(plan.assignments.length);
          if (selection.kind === 'all') expect(plan.assignments).toHaveLength(displays.length);
          const later = assignScreens(inputs, names.slice(0, 1));
          for (const a of later) expect(a.screen).toBe(names[0]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
