import { ipcMain } from 'electron';
import type { Logger } from 'pino';
import type { KeyAction } from '../src/core/control/keyCommand';
import type { PlayerHost } from '../src/host/PlayerHost';
import { IPC, type RendererChannel } from '../src/host/kiosk/ipcChannels';
import { acceptRendererMessage, rendererMessageToEvent } from '../src/host/kiosk/rendererMessages';

/** What the bridge needs: the player, the log, and where keys go. */
export type IpcBridgeOptions = Readonly<{
  host: Pick<PlayerHost, 'screen' | 'getState' | 'dispatch'>;
  logger: Logger;
  keyboard: boolean;
  onKey: ((action: KeyAction, screen: string) => Promise<unknown>) | null;
}>;

/**
 * Listens on the renderer channels: checks each message's sender and shape, then acknowledges slides,
 * skips failed videos, and sends keys through the control path (or straight to the player without one).
 * Returns what removes the listeners.
 */
export function bridgeRendererIpc(options: IpcBridgeOptions): () => void {
  const { host, logger } = options;
  const channels: readonly RendererChannel[] = [IPC.presented, IPC.problem, IPC.key];
  const listeners = channels.map((channel) => {
    const listener = (event: Electron.IpcMainEvent, payload: unknown): void => {
      const verdict = acceptRendererMessage(channel, payload, event.senderFrame?.url);
      if (!verdict.ok) {
        logger.warn(verdict.reason);
        return;
      }
      const message = verdict.message;
      if (message.type === 'problem') {
        logger.warn(
          { kind: message.kind, ref: message.ref, seq: message.seq },
          `renderer: ${message.message}`,
        );
      }
      if (message.type === 'key' && options.onKey !== null) {
        options
          .onKey(message.action, host.screen)
          .catch((err: unknown) => logger.error({ err: String(err) }, 'the key handler failed'));
        return;
      }
      const playerEvent = rendererMessageToEvent(message, host.getState(), options.keyboard);
      if (playerEvent !== null) host.dispatch(playerEvent, message.type === 'key' ? 'keyboard' : 'renderer');
    };
    ipcMain.on(channel, listener);
    return () => ipcMain.off(channel, listener);
  });
  return () => {
    for (const off of listeners) off();
  };
}
