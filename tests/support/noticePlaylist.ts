import type { Playlist, Text, TransitionName } from '../../src/core/playlist/types';

/** One announcement of a notice playlist. */
export type Notice = Readonly<{ id: string; text: Text }>;

/** `n` numbered bilingual notices with ids s0, s1, …. */
export function numberedNotices(n: number): Notice[] {
  return Array.from({ length: n }, (_, i) => ({ id: `s${i}`, text: { zh: `公告 ${i}`, en: `Notice ${i}` } }));
}

/** A bilingual Asia/Shanghai playlist of announcement slides, for tests and benchmarks that drive a real show. */
export function noticePlaylist(
  notices: readonly Notice[],
  defaults: Readonly<{ duration: number; transition?: TransitionName }>,
): Playlist {
  return {
    version: 1,
    event: {
      name: { zh: '弗林克论坛 2018', en: 'Flink Forward China 2018' },
      timezone: 'Asia/Shanghai',
      languages: ['zh', 'en'],
    },
    defaults: { transition: 'cut', ...defaults },
    slides: notices.map((n) => ({ type: 'announcement', ...n })),
  };
}
