import type { Logger } from 'pino';
import type { RendererToHost } from '../../core/channels/rendererChannel';
import type { KeyAction } from '../../core/control/keyCommand';
import type { PlayerEvent, PlayerState } from '../../core/player/playerTypes';
import { rendererMessageToEvent } from '../kiosk/rendererMessages';

/** The part of a PlayerHost that renderer messages act on. */
export interface InboxHost {
  readonly screen: string;
  getState(): PlayerState;
  dispatch(event: PlayerEvent, source: string): unknown;
}

/** Options of `createRendererInbox`. */
export type RendererInboxOptions = Readonly<{
  host: InboxHost;
  logger: Logger;
  /** Whether kiosk keys may drive the screen. */
  keyboard: boolean;
  /** Routes key presses through the audited control path; absent: straight to the player. */
  onKey?: ((action: KeyAction, screen: string, peer: string) => unknown) | null;
}>;

/** Handles one checked renderer message; `peer` names the renderer in the log (an address, a display). */
export type RendererInbox = (message: RendererToHost, peer: string) => void;

/**
 * The one handler of renderer messages, whatever carried them (browser mode's WebSocket, Electron's IPC):
 * a problem is logged, `presented` acknowledges, a failed video skips its slide, and a key goes through the
 * control path (or to the player when there is none, and nowhere while the kiosk keyboard is off).
 */
export function createRendererInbox(options: RendererInboxOptions): RendererInbox {
  const { host, logger, onKey } = options;
  return (message, peer) => {
    if (message.type === 'problem') {
      logger.warn(
        { peer, kind: message.kind, ref: message.ref, seq: message.seq },
        `renderer: ${message.message}`,
      );
    }
    if (message.type === 'key' && onKey != null) {
      Promise.resolve()
        .then(() => onKey(message.action, host.screen, peer))
        .catch((err: unknown) => logger.error({ peer, err: String(err) }, 'the key handler failed'));
      return;
    }
    const event = rendererMessageToEvent(message, host.getState(), options.keyboard);
    if (event === null) {
      if (message.type === 'key')
        logger.info({ peer, key: message.action }, 'ignored a key: the kiosk keyboard is off');
      return;
    }
    host.dispatch(event, message.type === 'key' ? 'keyboard' : 'renderer');
  };
}
