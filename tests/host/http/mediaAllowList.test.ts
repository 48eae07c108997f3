import { describe, expect, it } from 'vitest';
import type { Playlist } from '../../../src/core/playlist/types';
import { isReferencedMedia, localAssetPaths } from '../../../src/host/http/mediaAllowList';

const playlist: Playlist = {
  version: 1,
  event: { name: 'x', timezone: 'Asia/Shanghai', languages: ['zh'] },
  theme: { logo: './logo.svg', background: { image: 'art/背景 1.svg' } },
  slides: [
    { type: 'image', id: 'a', src: 'https://example.com/a.png' },
    { type: 'video', id: 'v', src: 'video/stream.webm', poster: 'video/poster.svg' },
  ],
};

describe('media allow-list', () => {
  it('collects the local assets, normalised, and leaves out https URLs', () => {
    expect([...localAssetPaths(playlist)].sort()).toEqual([
      'art/背景 1.svg',
      'logo.svg',
      'video/poster.svg',
      'video/stream.webm',
    ]);
  });

  it('accepts URL paths as the renderer encodes them', () => {
    expect(isReferencedMedia(playlist, `art/${encodeURIComponent('背景 1')}.svg`)).toBe(true);
    expect(isReferencedMedia(playlist, 'video/stream.webm')).toBe(true);
  });

  it('refuses files the playlist does not use, traversal and malformed escapes', () => {
    for (const path of [
      'playlist.json',
      'video/',
      'video/../logo.svg/..',
      '../logo.svg',
      '%E0%A4%A',
      'a.png',
    ]) {
      expect(isReferencedMedia(playlist, path), path).toBe(false);
    }
  });
});
