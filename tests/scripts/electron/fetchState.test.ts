import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_IDLE_SECONDS,
  describeFetchFailure,
  type FetchEvent,
  fetchLimits,
  firstErrorLine,
  INITIAL_FETCH_STATE,
  nextFetchState,
  silenceLimitMs,
} from '../../../scripts/electron/fetchState.mjs';

const URL_ZIP = 'https://mirror.example/45.5.0/electron-v45.5.0-linux-x64.zip';
const LIMITS = { idleMs: 30_000, unpackMs: 120_000 };
const run = (events: readonly FetchEvent[]) => events.reduce(nextFetchState, INITIAL_FETCH_STATE);
const noOutput = { timedOutAfterMs: null, installerOutput: '' };

const eventArb: fc.Arbitrary<FetchEvent> = fc.oneof(
  fc.constant<FetchEvent>({ event: 'request', url: URL_ZIP }),
  fc
    .integer({ min: 200, max: 599 })
    .map((status): FetchEvent => ({ event: 'response', url: URL_ZIP, status, statusText: 'S', total: 10 })),
  fc.nat().map((n): FetchEvent => ({ event: 'progress', url: URL_ZIP, transferred: n, total: null })),
  fc.nat().map((n): FetchEvent => ({ event: 'end', url: URL_ZIP, transferred: n, total: null })),
  fc.string().map((message): FetchEvent => ({ event: 'error', url: URL_ZIP, message })),
);

describe('fetchLimits', () => {
  it('gives up on network silence within the promised 60 s by default', () => {
    const limits = fetchLimits({});
    expect(limits).toEqual({ ok: true, limits: { idleMs: DEFAULT_IDLE_SECONDS * 1000, unpackMs: 120_000 } });
    expect(DEFAULT_IDLE_SECONDS * 1000).toBeLessThanOrEqual(60_000);
  });

  it('takes MARQUEE_ELECTRON_FETCH_TIMEOUT in seconds, and names the variable and the fix when it is not a number', () => {
    expect(fetchLimits({ MARQUEE_ELECTRON_FETCH_TIMEOUT: '2.5' })).toMatchObject({
      ok: true,
      limits: { idleMs: 2500 },
    });
    for (const bad of ['soon', '0', '-3', '601'])
      expect(fetchLimits({ MARQUEE_ELECTRON_FETCH_TIMEOUT: bad })).toEqual({
        ok: false,
        message: `MARQUEE_ELECTRON_FETCH_TIMEOUT="${bad}": must be a number of seconds above 0 and at most 600; fix or unset the variable`,
      });
  });
});

describe('the download phases', () => {
  it('waits for an answer with the network limit, receives with it, and unpacks with the local one', () => {
    const asked = run([{ event: 'request', url: URL_ZIP }]);
    expect(asked.phase).toBe('waiting');
    expect(silenceLimitMs(asked, LIMITS)).toBe(30_000);
    const receiving = nextFetchState(asked, {
      event: 'response',
      url: URL_ZIP,
      status: 200,
      statusText: 'OK',
      total: 9,
    });
    expect(receiving.phase).toBe('receiving');
    expect(silenceLimitMs(receiving, LIMITS)).toBe(30_000);
    const done = nextFetchState(receiving, { event: 'end', url: URL_ZIP, transferred: 9, total: 9 });
    expect(done.phase).toBe('unpacking');
    expect(silenceLimitMs(done, LIMITS)).toBe(120_000);
    expect(silenceLimitMs(INITIAL_FETCH_STATE, LIMITS)).toBe(120_000);
  });

  it('bounds every state by one of the two limits, and by the network one whenever a request is unanswered', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 12 }), (events) => {
        const state = run(events);
        const limit = silenceLimitMs(state, LIMITS);
        expect([LIMITS.idleMs, LIMITS.unpackMs]).toContain(limit);
        if (events.at(-1)?.event === 'request') expect(limit).toBe(LIMITS.idleMs);
      }),
    );
  });
});

describe('describeFetchFailure', () => {
  it('says whether the server never answered or stopped sending when the limit passed', () => {
    const asked = run([{ event: 'request', url: URL_ZIP }]);
    expect(describeFetchFailure(asked, { timedOutAfterMs: 30_000, installerOutput: '' })).toEqual({
      url: URL_ZIP,
      what: 'no answer within 30 s',
    });
    const stalled = nextFetchState(asked, { event: 'progress', url: URL_ZIP, transferred: 5, total: 9 });
    expect(describeFetchFailure(stalled, { timedOutAfterMs: 2_000, installerOutput: '' }).what).toBe(
      'the download stopped: nothing arrived for 2 s',
    );
  });

  it('names the network error, else the HTTP answer, else the first line of what the installer printed', () => {
    const refused = run([
      { event: 'request', url: URL_ZIP },
      { event: 'error', url: URL_ZIP, message: 'connect ECONNREFUSED 127.0.0.1:9' },
    ]);
    expect(describeFetchFailure(refused, noOutput).what).toBe('connect ECONNREFUSED 127.0.0.1:9');
    const missing = run([
      { event: 'request', url: URL_ZIP },
      { event: 'response', url: URL_ZIP, status: 404, statusText: 'Not Found', total: null },
    ]);
    expect(describeFetchFailure(missing, noOutput).what).toBe('the server answered 404 Not Found');
    const stack =
      'Error: Generated checksum did not match\n    at validate (file.js:1:1)\n    at run (file.js:2:2)\n';
    expect(
      describeFetchFailure(INITIAL_FETCH_STATE, { timedOutAfterMs: null, installerOutput: stack }),
    ).toEqual({
      url: null,
      what: "Electron's installer failed: Error: Generated checksum did not match",
    });
  });

  it('never passes on a stack frame', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 })), (lines) => {
        const output = lines.map((l, i) => (i % 2 === 0 ? `    at ${l}` : l)).join('\n');
        expect(firstErrorLine(output)).not.toMatch(/^at /);
      }),
    );
  });
});
