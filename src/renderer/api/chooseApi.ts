import type { RendererApi } from '../../core/channels/rendererChannel';
import { createWebSocketApi } from './webSocketApi';

declare global {
  interface Window {
    /** Exposed by the Electron preload. */
    marquee?: RendererApi;
    /** Injected by browser tests. */
    __MARQUEE_TEST_API__?: RendererApi;
  }
}

/** The API of the shell the page runs in: Electron's preload, else a test's, else the host's WebSocket. */
export function chooseApi(): RendererApi {
  return window.marquee ?? window.__MARQUEE_TEST_API__ ?? createWebSocketApi();
}
