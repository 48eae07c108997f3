// The kiosk page's only door to the shell: exactly the RendererApi as `window.marquee`, one function per message.
import { presentedMessage } from '../src/core/channels/presentedMessage';
import { contextBridge, ipcRenderer } from 'electron';
import type { RendererApi, ShowMessage } from '../src/core/channels/rendererChannel';
import type { ShowView } from '../src/core/view/showView';
import { IPC } from '../src/host/kiosk/ipcChannels';

let latest: ShowView | null = null;
const listeners = new Set<(view: ShowView) => void>();

ipcRenderer.on(IPC.show, (_event, message: ShowMessage) => {
  latest = message.view;
  for (const listener of listeners) listener(message.view);
});

const api: RendererApi = {
  onShow(listener) {
    listeners.add(listener);
    if (latest !== null) listener(latest);
    return () => {
      listeners.delete(listener);
    };
  },
  presented(seq, mediaDurationMs, paintedAt, missedFrames) {
    ipcRenderer.send(IPC.presented, presentedMessage(seq, mediaDurationMs, paintedAt, missedFrames));
  },
  problem(seq, kind, ref, message) {
    ipcRenderer.send(IPC.problem, { type: 'problem', seq, kind, ref, message });
  },
  videoTime(seq, mediaS, at, playbackRate) {
    ipcRenderer.send(IPC.videoTime, { type: 'video-time', seq, mediaS, at, playbackRate });
  },
  key(action) {
    ipcRenderer.send(IPC.key, { type: 'key', action });
  },
};

contextBridge.exposeInMainWorld('marquee', api);
