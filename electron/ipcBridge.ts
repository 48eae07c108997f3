import { ipcMain } from 'electron';
import { IPC, type RendererChannel } from '../src/host/kiosk/ipcChannels';
import { acceptRendererMessage } from '../src/host/kiosk/rendererMessages';
import {
  createRendererInbox,
  type InboxHost,
  type RendererInbox,
  type RendererInboxOptions,
} from '../src/host/show/rendererInbox';

/** Options of the bridge: the inbox's, with every screen's player and how to tell which page is whose. */
export type RendererIpcOptions = Omit<RendererInboxOptions, 'host'> &
  Readonly<{
    /** The players of the show, the main one first; a message goes to its page's screen, else to the first. */
    hosts: readonly [InboxHost, ...InboxHost[]];
    /** The screen whose page sent a message (`event.sender`); null when unknown. */
    screenOf: (sender: Electron.WebContents | undefined) => string | null;
  }>;

/**
 * Listens on the renderer channels: checks each message's sender and shape, then hands it to the renderer
 * inbox of the screen whose page sent it (the same handler as browser mode's WebSocket). Returns what removes
 * the listeners.
 */
export function bridgeRendererIpc(options: RendererIpcOptions): () => void {
  const { logger, hosts } = options;
  const inboxes = new Map<string, RendererInbox>(
    hosts.map((host) => [host.screen, createRendererInbox({ ...options, host })]),
  );
  const first = createRendererInbox({ ...options, host: hosts[0] });
  const channels: readonly RendererChannel[] = [IPC.presented, IPC.problem, IPC.videoTime, IPC.key];
  const listeners = channels.map((channel) => {
    const listener = (event: Electron.IpcMainEvent, payload: unknown): void => {
      const verdict = acceptRendererMessage(channel, payload, event.senderFrame?.url);
      if (!verdict.ok) {
        logger.warn(verdict.reason);
        return;
      }
      const screen = options.screenOf(event.sender);
      const inbox = (screen === null ? undefined : inboxes.get(screen)) ?? first;
      inbox(verdict.message, event.senderFrame?.url ?? 'no frame');
    };
    ipcMain.on(channel, listener);
    return () => ipcMain.off(channel, listener);
  });
  return () => {
    for (const off of listeners) off();
  };
}
