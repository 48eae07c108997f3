// What `npm start` knows about a running Electron download, built from the installer's reports (reporter.cjs):
// which phase it is in, how long it may stay silent in that phase, and what to tell the user when it fails.
// Pure: no clock, no I/O; fetch.mjs feeds it events and timers.
import { z } from 'zod';

/** One line of reporter.cjs's report. */
export const FetchEvent = z.discriminatedUnion('event', [
  z.object({ event: z.literal('request'), url: z.string() }),
  z.object({
    event: z.literal('response'),
    url: z.string(),
    status: z.number().int(),
    statusText: z.string(),
    total: z.number().nullable(),
  }),
  z.object({
    event: z.literal('progress'),
    url: z.string(),
    transferred: z.number(),
    total: z.number().nullable(),
  }),
  z.object({
    event: z.literal('end'),
    url: z.string(),
    transferred: z.number(),
    total: z.number().nullable(),
  }),
  z.object({ event: z.literal('error'), url: z.string(), message: z.string() }),
]);
/** @typedef {z.infer<typeof FetchEvent>} FetchEvent */

/**
 * `starting`: the installer loads and looks in its cache (a cache hit unpacks without any request);
 * `waiting`: a request is out and no answer has come; `receiving`: bytes are arriving;
 * `unpacking`: the last download ended and the installer is extracting the zip.
 * @typedef {'starting' | 'waiting' | 'receiving' | 'unpacking'} FetchPhase
 */

/**
 * @typedef {Readonly<{
 *   phase: FetchPhase,
 *   url: string | null,
 *   answer: Readonly<{ status: number, statusText: string }> | null,
 *   error: string | null,
 * }>} FetchState
 */

/**
 * How long each phase may go without a report. `idleMs` bounds the network (no answer, or a download that
 * stopped); `unpackMs` bounds the local work (cache look-up, extraction), which reports nothing.
 * @typedef {Readonly<{ idleMs: number, unpackMs: number }>} FetchLimits
 */

/** The network limit when MARQUEE_ELECTRON_FETCH_TIMEOUT is not set: well inside the promised 60 s. */
export const DEFAULT_IDLE_SECONDS = 30;
const UNPACK_MS = 120_000;
const MAX_IDLE_SECONDS = 600;

/** @type {FetchState} */
export const INITIAL_FETCH_STATE = { phase: 'starting', url: null, answer: null, error: null };

/**
 * @param {FetchState} state
 * @param {FetchEvent} event
 * @returns {FetchState}
 */
export function nextFetchState(state, event) {
  switch (event.event) {
    case 'request':
      return { phase: 'waiting', url: event.url, answer: null, error: null };
    case 'response':
      return {
        ...state,
        phase: event.status < 400 ? 'receiving' : 'waiting',
        url: event.url,
        answer: { status: event.status, statusText: event.statusText },
      };
    case 'progress':
      return { ...state, phase: 'receiving', url: event.url };
    case 'end':
      return { ...state, phase: 'unpacking', url: event.url };
    case 'error':
      return { ...state, url: event.url, error: event.message };
  }
}

/**
 * How long the installer may stay silent in this state before `npm start` gives up.
 * @param {FetchState} state
 * @param {FetchLimits} limits
 * @returns {number}
 */
export function silenceLimitMs(state, limits) {
  return state.phase === 'waiting' || state.phase === 'receiving' ? limits.idleMs : limits.unpackMs;
}

/**
 * The limits, from MARQUEE_ELECTRON_FETCH_TIMEOUT (seconds of network silence) or the default.
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {Readonly<{ ok: true, limits: FetchLimits }> | Readonly<{ ok: false, message: string }>}
 */
export function fetchLimits(env) {
  const raw = env.MARQUEE_ELECTRON_FETCH_TIMEOUT;
  if (raw === undefined || raw.trim() === '')
    return { ok: true, limits: { idleMs: DEFAULT_IDLE_SECONDS * 1000, unpackMs: UNPACK_MS } };
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_IDLE_SECONDS)
    return {
      ok: false,
      message: `MARQUEE_ELECTRON_FETCH_TIMEOUT=${JSON.stringify(raw)}: must be a number of seconds above 0 and at most ${MAX_IDLE_SECONDS}; fix or unset the variable`,
    };
  return { ok: true, limits: { idleMs: Math.round(seconds * 1000), unpackMs: UNPACK_MS } };
}

/**
 * What failed, in words, for a download that did not finish.
 * @param {FetchState} state
 * @param {Readonly<{ timedOutAfterMs: number | null, installerOutput: string }>} ending
 * @returns {Readonly<{ url: string | null, what: string }>}
 */
export function describeFetchFailure(state, ending) {
  const { url } = state;
  if (ending.timedOutAfterMs !== null) {
    const seconds = `${Math.round(ending.timedOutAfterMs / 1000)} s`;
    switch (state.phase) {
      case 'waiting':
        return { url, what: `no answer within ${seconds}` };
      case 'receiving':
        return { url, what: `the download stopped: nothing arrived for ${seconds}` };
      default:
        return { url, what: `Electron's installer did nothing for ${seconds}` };
    }
  }
  if (state.error !== null) return { url, what: state.error };
  if (state.answer !== null && state.answer.status >= 400)
    return { url, what: `the server answered ${state.answer.status} ${state.answer.statusText}`.trim() };
  return { url, what: `Electron's installer failed: ${firstErrorLine(ending.installerOutput)}` };
}

/**
 * The message of the error the installer printed (its stack trace's first line), without the stack.
 * @param {string} output
 * @returns {string}
 */
export function firstErrorLine(output) {
  const line = output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('at '));
  return line ?? 'it exited without saying why';
}
