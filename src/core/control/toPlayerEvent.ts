import { closest } from 'fastest-levenshtein';
import type { PlayerEvent } from '../player/playerTypes';
import type { Slide } from '../playlist/types';
import type { ControlCommand } from './commands';
import { assertNever } from '../assertNever';

/** What the host does for a command: hand an event to the player, reload the playlist, or just report. */
export type CommandAction =
  | Readonly<{ kind: 'event'; event: PlayerEvent }>
  | Readonly<{ kind: 'reload' }>
  | Readonly<{ kind: 'status' }>;

/** Maps a validated command to what the host does with it; pure. */
export function toAction(command: ControlCommand): CommandAction {
  switch (command.type) {
    case 'next':
    case 'prev':
    case 'pause':
    case 'resume':
    case 'clear-announcement':
      return { kind: 'event', event: { type: command.type } };
    case 'goto':
      return { kind: 'event', event: { type: 'goto', target: command.slide } };
    case 'blackout':
      return { kind: 'event', event: { type: 'blackout', on: command.on } };
    case 'announce':
      return {
        kind: 'event',
        event: {
          type: 'announce',
          text: command.text,
          ...(command.title !== undefined ? { title: command.title } : {}),
          ...(command.seconds !== undefined ? { seconds: command.seconds } : {}),
          ...(command.style !== undefined ? { style: command.style } : {}),
        },
      };
    case 'reload':
      return { kind: 'reload' };
    case 'status':
      return { kind: 'status' };
    default:
      return assertNever(command);
  }
}

/** Checks a `goto` target against the playlist; returns the error message, or null when it exists. */
export function checkGotoTarget(
  target: string | number,
  slides: readonly Slide[],
): Readonly<{ code: 'unknown-slide' | 'bad-position' | 'empty-playlist'; message: string }> | null {
  if (slides.length === 0)
    return { code: 'empty-playlist', message: 'the playlist has no slides to jump to' };
  if (typeof target === 'number') {
    if (Number.isInteger(target) && target >= 1 && target <= slides.length) return null;
    return {
      code: 'bad-position',
      message: `no slide at position ${target}: positions run from 1 to ${slides.length}`,
    };
  }
  if (slides.some((s) => s.id === target)) return null;
  const ids = slides.map((s) => s.id);
  const guess = closest(target, ids);
  const list = ids.length <= 12 ? ids.join(', ') : `${ids.slice(0, 12).join(', ')} … (${ids.length} in all)`;
  return {
    code: 'unknown-slide',
    message: `no slide with id "${target.slice(0, 64)}". Did you mean "${guess}"? Slide ids: ${list}; or give a position 1–${slides.length}`,
  };
}
