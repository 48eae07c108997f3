import { describe, expect, it } from 'vitest';
import { fleetTopics, topicMatches } from '../../../src/core/channels/fleetContract';
import { ManualClock } from '../../../src/host/clock';
import type { FleetBus } from '../../../src/host/fleet/fleetBus';
import { REMEASURE_MS, SETTLE_ROUNDS_MS, startFleetClock } from '../../../src/host/wall/fleetClock';

const START = Date.parse('2018-12-20T09:00:00+08:00');
const silent = { info: () => undefined, warn: () => undefined };

/** A bus to a hub whose clock is `hubAhead` ms ahead of the screen's; each leg takes what `delays` says. */
function fakeHub(clock: ManualClock, hubAhead: number, delays: () => { up: number; down: number }) {
  const handlers: { filter: string; handler: (topic: string, payload: string) => void }[] = [];
  const connectListeners: (() => void)[] = [];
  let connected = true;
  let answered = 0;
  const bus: FleetBus = {
    connected: () => connected,
    publish(topic, payload) {
      if (!connected || topic !== fleetTopics.time('wall-0')) return;
      const { up, down } = delays();
      clock.setTimer(up, () => {
        const reply = { ...(payload as object), hubAt: clock.now() + hubAhead };
        answered += 1;
        clock.setTimer(down, () => {
          const replyTopic = fleetTopics.timeReply('wall-0');
          for (const h of handlers)
            if (topicMatches(h.filter, replyTopic)) h.handler(replyTopic, JSON.stringify(reply));
        });
      });
    },
    subscribe(filter, handler) {
      const entry = { filter, handler };
      handlers.push(entry);
      return () => handlers.splice(handlers.indexOf(entry), 1);
    },
    onConnect(listener) {
      connectListeners.push(listener);
      return () => connectListeners.splice(connectListeners.indexOf(listener), 1);
    },
    statusChanged: () => undefined,
  };
  return {
    bus,
    answered: () => answered,
    drop() {
      connected = false;
    },
    reconnect() {
      connected = true;
      for (const listener of connectListeners) listener();
    },
  };
}

describe('fleet time over the bus', () => {
  it('finds the hub offset within its error bound, the round trips asymmetric and noisy', () => {
    const clock = new ManualClock(START);
    let k = 0;
    // Mostly slow and lopsided, a few quick symmetric exchanges: the quick ones decide.
    const hub = fakeHub(clock, -150, () => {
      k += 1;
      return k % 5 === 0 ? { up: 1, down: 1 } : { up: 3 + (k % 7) * 4, down: 1 + (k % 3) };
    });
    const fleet = startFleetClock({ bus: hub.bus, screen: 'wall-0', clock, log: silent });
    expect(fleet.estimate().source).toBe('local');
    clock.advance(5_000);
    const estimate = fleet.estimate();
    expect(estimate.source).toBe('bus');
    expect(Math.abs(estimate.offsetMs + 150)).toBeLessThanOrEqual(estimate.errorMs ?? 0);
    expect(Math.abs(estimate.offsetMs + 150)).toBeLessThanOrEqual(1);
    fleet.stop();
  });

  it('free-runs on the last estimate while the bus is down, and measures again after a reconnect', () => {
    const clock = new ManualClock(START);
    const hub = fakeHub(clock, 200, () => ({ up: 1, down: 1 }));
    const fleet = startFleetClock({ bus: hub.bus, screen: 'wall-0', clock, log: silent });
    clock.advance(30_000);
    const before = fleet.estimate();
    expect(before).toMatchObject({ source: 'bus', offsetMs: 200 });
    hub.drop();
    const asked = hub.answered();
    clock.advance(5 * REMEASURE_MS);
    expect(hub.answered()).toBe(asked);
    expect(fleet.estimate()).toEqual(before);
    hub.reconnect();
    clock.advance(1_000);
    expect(hub.answered()).toBeGreaterThan(asked);
    expect(fleet.estimate().measuredAt).toBeGreaterThan(before.measuredAt ?? Number.POSITIVE_INFINITY);
    fleet.stop();
  });

  it('keeps a good estimate when a later round on a busy machine is worse than it, grown by drift', () => {
    const clock = new ManualClock(START);
    let busy = false;
    const hub = fakeHub(clock, 0, () => (busy ? { up: 40, down: 2 } : { up: 1, down: 1 }));
    const fleet = startFleetClock({ bus: hub.bus, screen: 'wall-0', clock, log: silent });
    clock.advance((SETTLE_ROUNDS_MS.at(-1) ?? 0) + 5_000);
    const good = fleet.estimate();
    busy = true;
    clock.advance(REMEASURE_MS);
    expect(fleet.estimate()).toEqual(good);
    fleet.stop();
  });
});
