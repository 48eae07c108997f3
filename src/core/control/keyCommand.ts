import type { ControlCommand } from './commands';
import type { ControlState } from './controlState';
import { assertNever } from '../assertNever';

/** A key the kiosk renderer reports (presenter clicker), already mapped to its meaning. */
export type KeyAction = 'next' | 'prev' | 'toggle-pause' | 'toggle-blackout';

/** The command a kiosk key stands for, given the screen's current state; pure. */
export function keyToCommand(action: KeyAction, state: ControlState): ControlCommand {
  const screen = state.screen;
  switch (action) {
    case 'next':
      return { type: 'next', screen };
    case 'prev':
      return { type: 'prev', screen };
    case 'toggle-pause':
      return { type: state.paused ? 'resume' : 'pause', screen };
    case 'toggle-blackout':
      return { type: 'blackout', on: !state.blackout, screen };
    default:
      return assertNever(action);
  }
}
