import { createPlayer, transition } from '../../../src/core/player/playerMachine';
import type { PlayerEvent, PlayerState } from '../../../src/core/player/playerTypes';
import type { Playlist } from '../../../src/core/playlist/types';
import type { ShowView } from '../../../src/core/view/showView';
import { toShowView } from '../../../src/core/view/toShowView';
import type { ServedHost } from '../../../src/host/http/server';

/** A three-slide bilingual playlist for the server tests. */
export function smallPlaylist(): Playlist {
  return {
    version: 1,
    event: { name: { zh: '测试', en: 'Test' }, timezone: 'Asia/Shanghai', languages: ['zh', 'en'] },
    theme: { logo: './images/logo.svg' },
    defaults: { duration: 30 },
    slides: [
      { type: 'announcement', id: 'one', text: 'One' },
      { type: 'announcement', id: 'two', text: 'Two' },
      { type: 'announcement', id: 'three', text: 'Three' },
    ],
  };
}

/** The real player machine behind the server's host surface, recording every dispatched event. */
export function machineServedHost(
  playlistDir: string,
): ServedHost & { events: { event: PlayerEvent; source: string }[] } {
  let state: PlayerState = createPlayer(smallPlaylist(), Date.now()).state;
  const listeners = new Set<(view: ShowView) => void>();
  const events: { event: PlayerEvent; source: string }[] = [];
  const view = (): ShowView =>
    toShowView(state, Date.now(), { screen: 'main', assetBase: '/media/', keyboard: true });
  return {
    screen: 'main',
    playlistDir,
    get playlist() {
      return state.playlist;
    },
    events,
    getView: view,
    getState: () => state,
    onView(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(event, source) {
      events.push({ event, source });
      const step = transition(state, event, Date.now());
      if (step.effects.some((e) => e.type === 'rejected')) return { ok: false };
      const changed = step.state !== state;
      state = step.state;
      if (changed) for (const l of listeners) l(view());
      return { ok: true };
    },
  };
}
