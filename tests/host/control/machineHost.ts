import { createPlayer, transition } from '../../../src/core/player/playerMachine';
import type { PlayerEvent, PlayerState } from '../../../src/core/player/playerTypes';
import type { Playlist } from '../../../src/core/playlist/types';
import type { ShowView } from '../../../src/core/view/showView';
import { toShowView } from '../../../src/core/view/toShowView';
import type { NamedHost, PlayerHostLike } from '../../../src/host/control/playerHostTarget';

/** The Flink Forward China 2018 demo playlist in small: three slides, zh/en. */
export function demoPlaylist(): Playlist {
  return {
    version: 1,
    event: {
      name: { zh: 'Flink Forward China 2018', en: 'Flink Forward China 2018' },
      timezone: 'Asia/Shanghai',
      languages: ['zh', 'en'],
    },
    defaults: { duration: 30 },
    slides: [
      {
        type: 'speaker',
        id: 'keynote-1',
        name: { zh: 'Apache Flink 创始成员', en: 'Apache Flink co-founder' },
        talk: { zh: 'Flink 的现在与未来', en: 'Flink today and tomorrow' },
      },
      {
        type: 'practice',
        id: 'alibaba',
        company: { zh: '阿里巴巴', en: 'Alibaba' },
        title: { zh: '实时计算实践', en: 'Real-time computing at scale' },
        points: ['Blink', 'SQL'],
      },
      { type: 'announcement', id: 'lunch', text: { zh: '午餐时间', en: 'Lunch is served' } },
    ],
  };
}

/**
 * A real player machine behind the PlayerHost surface the control channels use (no timers: the
 * tests drive it with commands), so control tests exercise the real machine without the Node host.
 */
export function machineHost(
  screen = 'main',
  playlist = demoPlaylist(),
  now = () => Date.now(),
  groups: readonly string[] = [],
): NamedHost & {
  state: () => PlayerState;
  reloads: () => number;
} {
  let state = createPlayer(playlist, now(), undefined, { screen, groups, wall: null }).state;
  let reloads = 0;
  const listeners = new Set<(view: ShowView) => void>();
  const view = (): ShowView => toShowView(state, now(), { screen, assetBase: '/assets/', keyboard: true });
  const host: PlayerHostLike = {
    dispatch(event: PlayerEvent) {
      const step = transition(state, event, now());
      const rejected = step.effects.find((e) => e.type === 'rejected');
      if (rejected) return { ok: false, code: rejected.code, message: rejected.message };
      state = step.state;
      const v = view();
      for (const l of listeners) l(v);
      return { ok: true, state };
    },
    async reload() {
      reloads += 1;
    },
    getView: view,
    onView(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
    status: () => ({ playlistStatus: { ok: true } }),
    onStatus: () => () => {},
  };
  return { name: screen, host, state: () => state, reloads: () => reloads };
}
