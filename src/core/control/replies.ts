import type { ControlState } from './controlState';

/** Every error code a reply can carry. */
export const ERROR_CODES = [
  'bad-json',
  'bad-command',
  'unknown-type',
  'bad-argument',
  'unknown-slide',
  'bad-position',
  'empty-playlist',
  'nothing-eligible',
  'not-for-screen',
  'unknown-screen',
  'keyboard-disabled',
  'too-large',
  'unauthorized',
  'rate-limited',
  'unavailable',
  'expired',
  'internal',
  // Why: `GET /api/screenshot` says which of its 503s it is, so staff read what to do in their language.
  'screen-not-seen',
  'screen-starting',
  'capture-failed',
] as const;

/** One error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What went wrong and what is accepted instead. */
export type ControlError = Readonly<{ code: ErrorCode; message: string }>;

/** The reply to one command: the state after it, or the error. */
export type ControlReply =
  | Readonly<{
      ok: true;
      id: string | number | null;
      /** The state of the addressed screen (the first one when the command went to all). */
      state: ControlState;
      /** Every addressed screen, when the host drives more than one. */
      screens?: readonly ControlState[];
    }>
  | Readonly<{ ok: false; id: string | number | null; error: ControlError }>;

/** An error reply. */
export function errorReply(id: string | number | null, code: ErrorCode, message: string): ControlReply {
  return { ok: false, id, error: { code, message } };
}
