import type { Playlist, Slide } from '../../../src/core/playlist/types';

/** A minimal announcement slide with the given id and extra fields. */
export function slide(id: string, extra: Partial<Record<string, unknown>> = {}): Slide {
  return { type: 'announcement', id, text: `Slide ${id}`, ...extra } as Slide;
}

/** A playlist in Asia/Shanghai with the given slides and a default duration (seconds). */
export function playlist(slides: readonly Slide[], duration = 10): Playlist {
  return {
    version: 1,
    event: { name: 'Test event', timezone: 'Asia/Shanghai', languages: ['zh', 'en'] },
    defaults: { duration },
    slides: [...slides],
  };
}

/** 2018-12-20 at HH:MM in Beijing (UTC+8), as epoch ms. */
export function beijing(hhmm: string, date = '2018-12-20'): number {
  return Date.parse(`${date}T${hhmm}:00+08:00`);
}
