import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offlineStatus } from '../../../src/core/channels/fleetContract';
import {
  applyStatus,
  expireSilent,
  type PresenceTable,
  restoredPresence,
  SILENCE_FACTOR,
} from '../../../src/core/hub/presence';
import { fakeStatus } from '../../support/fakeScreen';

const screens = ['lobby', 'door-1', 'booth-2'] as const;
const event = fc.record({ screen: fc.constantFrom(...screens), online: fc.boolean(), dt: fc.nat(10_000) });

describe('the presence table', () => {
  it('calls a screen offline exactly when it was online and silent for more than 1.5 of its keepalives', () => {
    const screenState = fc.record({
      online: fc.boolean(),
      keepalive: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
      silentMs: fc.option(fc.nat(100_000), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.tuple(screenState, screenState, screenState), (states) => {
        const now = 1_000_000;
        let table: PresenceTable = {};
        const heard = new Map<string, number>();
        states.forEach((s, i) => {
          const screen = screens[i] ?? 'lobby';
          const status = { ...fakeStatus(screen, ['g'], 'one'), keepalive: s.keepalive };
          table = applyStatus(table, s.online ? status : offlineStatus(screen), 10);
          if (s.silentMs !== undefined) heard.set(screen, now - s.silentMs);
        });
        const next = expireSilent(table, heard, now);
        states.forEach((s, i) => {
          const screen = screens[i] ?? 'lobby';
          const silent =
            s.online &&
            s.keepalive !== undefined &&
            s.silentMs !== undefined &&
            s.silentMs > SILENCE_FACTOR * s.keepalive * 1000;
          expect(next[screen]?.state).toBe(silent ? 'offline' : s.online ? 'online' : 'offline');
          expect(next[screen]?.since).toBe(silent ? now : 10);
          expect(next[screen]?.last?.slide?.id).toBe(s.online ? 'one' : undefined);
        });
        if (!states.some((_s, i) => next[screens[i] ?? ''] !== table[screens[i] ?? '']))
          expect(next).toBe(table);
      }),
    );
  });

  it('follows the last status of each screen, and since moves only when the state changes', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        let table: PresenceTable = {};
        let now = 1_000;
        const last = new Map<string, { online: boolean; since: number }>();
        for (const e of events) {
          now += e.dt;
          const status = e.online ? fakeStatus(e.screen, ['g'], 'one') : offlineStatus(e.screen);
          table = applyStatus(table, status, now);
          const before = last.get(e.screen);
          last.set(e.screen, { online: e.online, since: before?.online === e.online ? before.since : now });
        }
        for (const [screen, want] of last) {
          expect(table[screen]?.state).toBe(want.online ? 'online' : 'offline');
          expect(table[screen]?.since).toBe(want.since);
        }
      }),
    );
  });

  it('after a restart knows every screen but calls none online, keeping its last status', () => {
    const table = applyStatus(
      applyStatus({}, fakeStatus('lobby', ['doors'], 'x'), 5),
      offlineStatus('door-1'),
      6,
    );
    const restored = restoredPresence(table, 100);
    expect(Object.values(restored).map((e) => [e.screen, e.state, e.since])).toEqual([
      ['lobby', 'unknown', 100],
      ['door-1', 'unknown', 100],
    ]);
    expect(restored.lobby?.last?.groups).toEqual(['doors']);
  });
});
