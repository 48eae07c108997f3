import type { ControlCommand } from '../control/commands';
import type { WallCommand } from './wallRotation';

/** A control command as a wall sees it: not one of the wall's, a wall command, or a `goto` to nowhere. */
export type WallCommandRead =
  | Readonly<{ kind: 'not-wall' }>
  | Readonly<{ kind: 'wall'; command: WallCommand }>
  | Readonly<{ kind: 'unknown-slide'; message: string }>;

/**
 * Which control commands move a whole wall (next, prev, goto, pause, resume) and as what cue command. A
 * `goto` by position needs the playlist's slide ids (`slideIds`, in playlist order); without them
 * (the hub, which has no playlist) it is `not-wall` and the wall's leader cues it.
 */
export function readWallCommand(
  command: ControlCommand,
  slideIds: readonly string[] | null,
): WallCommandRead {
  switch (command.type) {
    case 'next':
    case 'prev':
    case 'pause':
    case 'resume':
      return { kind: 'wall', command: { type: command.type } };
    case 'goto': {
      if (typeof command.slide === 'string') {
        if (slideIds !== null && !slideIds.includes(command.slide))
          return { kind: 'unknown-slide', message: `no slide "${command.slide}" in this wall's playlist` };
        return { kind: 'wall', command: { type: 'goto', slideId: command.slide } };
      }
      if (slideIds === null) return { kind: 'not-wall' };
      const id = slideIds[command.slide - 1];
      return id === undefined
        ? {
            kind: 'unknown-slide',
            message: `there is no slide ${command.slide}: the playlist has ${slideIds.length} (positions start at 1)`,
          }
        : { kind: 'wall', command: { type: 'goto', slideId: id } };
    }
    default:
      return { kind: 'not-wall' };
  }
}
