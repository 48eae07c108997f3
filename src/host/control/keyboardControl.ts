import { keyToCommand, type KeyAction } from '../../core/control/keyCommand';
import { type ControlReply, errorReply } from '../../core/control/replies';
import type { ControlGateway } from './controlGateway';

/** Options of the kiosk keyboard (presenter clicker). */
export type KeyboardOptions = Readonly<{ enabled: boolean }>;

/**
 * Turns a `key` message from a kiosk renderer into a command on the same audited path as every
 * other transport (transport "keyboard", client = the screen, peer = the renderer's address or frame);
 * refused when the keyboard is off.
 */
export function createKeyHandler(
  gateway: ControlGateway,
  options: KeyboardOptions,
): (action: KeyAction, screen: string, peer?: string) => Promise<ControlReply> {
  return async (action, screen, peer) => {
    if (!options.enabled) {
      return errorReply(
        null,
        'keyboard-disabled',
        `the kiosk keyboard is off on this host (config "keyboard": false or --no-keyboard)`,
      );
    }
    const state = gateway.target.states().find((s) => s.screen === screen);
    if (!state) return errorReply(null, 'unknown-screen', `key from unknown screen "${screen}"`);
    return gateway.handleCommand(keyToCommand(action, state), {
      kind: 'keyboard',
      client: screen,
      ...(peer === undefined ? {} : { peer }),
    });
  };
}
