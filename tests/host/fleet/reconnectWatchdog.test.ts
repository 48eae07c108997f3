import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReconnectWatchdog, STUCK_PERIODS } from '../../../src/host/fleet/reconnectWatchdog';

type Step = { kind: 'wait'; ms: number } | { kind: 'connected' | 'disconnected' | 'attempted' | 'replaced' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.integer({ min: 0, max: 5_000 }).map((ms) => ({ kind: 'wait', ms }) as const),
  fc.constantFrom('connected', 'disconnected', 'attempted', 'replaced').map((kind) => ({ kind }) as Step),
);

describe('ReconnectWatchdog', () => {
  it('calls a client stuck exactly when it has been disconnected without a sign of life for too long', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        fc.integer({ min: 100, max: 2_000 }),
        (steps, period) => {
          let now = 0;
          const dog = new ReconnectWatchdog({ now: () => now, periodMs: period });
          let connected = false;
          let lastSign = 0;
          for (const s of steps) {
            if (s.kind === 'wait') now += s.ms;
            else if (s.kind === 'connected') {
              connected = true;
              dog.connected();
            } else if (s.kind === 'disconnected') {
              if (connected) lastSign = now;
              connected = false;
              dog.disconnected();
            } else if (s.kind === 'attempted') {
              if (!connected) lastSign = now;
              dog.attempted();
            } else {
              connected = false;
              lastSign = now;
              dog.replaced();
            }
            const expected = !connected && now - lastSign > STUCK_PERIODS * period + 1_000;
            expect(dog.stuck(1_000)).toBe(expected);
          }
        },
      ),
    );
  });
});
