import { ipcMain } from 'electron';
import { IPC, type RendererChannel } from '../src/host/kiosk/ipcChannels';
import { acceptRendererMessage } from '../src/host/kiosk/rendererMessages';
import { createRendererInbox, type RendererInboxOptions } from '../src/host/show/rendererInbox';

/**
 * Listens on the renderer channels: checks each message's sender and shape, then hands it to the renderer
 * inbox (the same handler as browser mode's WebSocket). Returns what removes the listeners.
 */
export function bridgeRendererIpc(options: RendererInboxOptions): () => void {
  const { logger } = options;
  const inbox = createRendererInbox(options);
  const channels: readonly RendererChannel[] = [IPC.presented, IPC.problem, IPC.videoTime, IPC.key];
  const listeners = channels.map((channel) => {
    const listener = (event: Electron.IpcMainEvent, payload: unknown): void => {
      const verdict = acceptRendererMessage(channel, payload, event.senderFrame?.url);
      if (!verdict.ok) {
        logger.warn(verdict.reason);
        return;
      }
      inbox(verdict.message, event.senderFrame?.url ?? 'no frame');
    };
    ipcMain.on(channel, listener);
    return () => ipcMain.off(channel, listener);
  });
  return () => {
    for (const off of listeners) off();
  };
}
