import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offlineStatus } from '../../../src/core/channels/fleetContract';
import { expectedScreens, targetsOf } from '../../../src/core/hub/commandTargets';
import { applyStatus, type PresenceTable, presenceRows } from '../../../src/core/hub/presence';
import { fakeStatus } from '../../support/fakeScreen';

const screens = ['lobby', 'door-1', 'door-2', 'booth-2'] as const;
const groups = ['doors', 'booths'] as const;
const screenArb = fc.record({
  screen: fc.constantFrom(...screens),
  groups: fc.subarray([...groups]),
  online: fc.boolean(),
});
const targetArb = fc.oneof(
  fc.record({ kind: fc.constant('screen' as const), screen: fc.constantFrom(...screens) }),
  fc.record({
    kind: fc.constant('screens' as const),
    screens: fc.array(fc.constantFrom(...screens), { minLength: 1 }),
  }),
  fc.record({ kind: fc.constant('group' as const), group: fc.constantFrom(...groups) }),
  fc.record({ kind: fc.constant('all' as const) }),
);

describe('the screens a staff command reaches', () => {
  it('each named screen gets one topic, however often it is named', () => {
    expect(targetsOf({ kind: 'screens', screens: ['lobby', 'door-1', 'lobby'] })).toEqual([
      { kind: 'screen', screen: 'lobby' },
      { kind: 'screen', screen: 'door-1' },
    ]);
  });

  it('waits for exactly the online screens the request names, is in the group of, or all of', () => {
    fc.assert(
      fc.property(fc.array(screenArb, { maxLength: 8 }), targetArb, (states, target) => {
        let table: PresenceTable = {};
        for (const s of states) {
          table = applyStatus(
            table,
            s.online ? fakeStatus(s.screen, s.groups, 'one') : offlineStatus(s.screen),
            10,
          );
        }
        const expected = expectedScreens(presenceRows(table), targetsOf(target));
        // The last status of each screen decides (a later one replaces the earlier).
        const last = new Map(states.map((s) => [s.screen, s]));
        const names = (s: (typeof states)[number]): boolean =>
          target.kind === 'screen'
            ? s.screen === target.screen
            : target.kind === 'screens'
              ? target.screens.includes(s.screen)
              : target.kind === 'group'
                ? s.groups.includes(target.group)
                : true;
        const reached = [...last.values()].filter((s) => s.online && names(s));
        expect([...expected].sort()).toEqual(reached.map((s) => s.screen).sort());
      }),
    );
  });
});
