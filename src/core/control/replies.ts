import type { ControlState } from './controlState';

/** Every error code a reply can carry. */
/**
 * The codes of a command's refusal: the contract of command replies (control socket, LAN API and the fleet's v1
 * replies, which hubs and screens of other versions check: a code added here is a new contract version).
 */
export const COMMAND_ERROR_CODES = [
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
] as const;

/**
 * The codes of `GET /api/screenshot`'s 503s, which say why there is no picture so staff read what to do in their
 * language. Said only by that route, never in a command reply.
 */
export const SCREENSHOT_ERROR_CODES = ['screen-not-seen', 'screen-starting', 'capture-failed'] as const;

/** Every code a host's refusal can carry (the remotes have words for each). */
export const ERROR_CODES = [...COMMAND_ERROR_CODES, ...SCREENSHOT_ERROR_CODES] as const;

/** One code of a command's refusal. */
export type CommandErrorCode = (typeof COMMAND_ERROR_CODES)[number];

/** One code of the screenshot route's 503s. */
export type ScreenshotErrorCode = (typeof SCREENSHOT_ERROR_CODES)[number];

/** One error code, of a command or of the screenshot route. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What went wrong and what is accepted instead. */
export type ControlError = Readonly<{ code: CommandErrorCode; message: string }>;

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
export function errorReply(
  id: string | number | null,
  code: CommandErrorCode,
  message: string,
): ControlReply {
  return { ok: false, id, error: { code, message } };
}

/** The body of a refusal that answers no command (the screenshot route's): a command refusal's shape, any code. */
export type RefusalBody = Readonly<{
  ok: false;
  id: null;
  error: Readonly<{ code: ErrorCode; message: string }>;
}>;

/** A refusal body with `code`. */
export function refusalBody(code: ErrorCode, message: string): RefusalBody {
  return { ok: false, id: null, error: { code, message } };
}
