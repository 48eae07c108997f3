import { describe, expect, it } from 'vitest';
import type { Playlist } from '../../../src/core/playlist/types';
import { cacheFigures } from '../../../src/host/health/cacheFigures';

const playlist: Playlist = {
  version: 1,
  event: { name: 'Flink Forward China 2018', timezone: 'Asia/Shanghai', languages: ['en'] },
  slides: [
    { type: 'image', id: 'a', src: 'https://cdn.example/a.svg' },
    { type: 'image', id: 'b', src: 'https://cdn.example/b.svg' },
    { type: 'image', id: 'c', src: 'images/local.svg' },
  ],
};

describe('cacheFigures', () => {
  it('counts cached entries and bytes, and the remote assets of the playlist not cached yet', () => {
    const cache = {
      urls: () => ['https://cdn.example/a.svg', 'https://old.example/x.png'],
      totalBytes: () => 4096,
    };
    expect(cacheFigures(cache, playlist, 1)).toEqual({
      entries: 2,
      bytes: 4096,
      pendingFetches: 1,
      failedFetches: 1,
    });
  });
});
