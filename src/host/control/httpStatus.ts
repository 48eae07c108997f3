import type { CommandErrorCode, ControlReply } from '../../core/control/replies';

const PLAYER_REJECTIONS: ReadonlySet<CommandErrorCode> = new Set([
  'unknown-slide',
  'bad-position',
  'empty-playlist',
  'nothing-eligible',
  'not-for-screen',
  'unknown-screen',
]);

/** The HTTP status of a reply: 200 ok, 400 a bad command, 422 a command the player refused, 500 a host failure. */
export function httpStatusOf(reply: ControlReply): number {
  if (reply.ok) return 200;
  if (PLAYER_REJECTIONS.has(reply.error.code)) return 422;
  if (reply.error.code === 'internal' || reply.error.code === 'unavailable') return 500;
  return 400;
}
