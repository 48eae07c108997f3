import { describe, expect, it } from 'vitest';
import type { Slide } from '../../../src/core/playlist/types';
import { screenSlide } from '../../../src/core/view/screenSlide';
import type { ShowView } from '../../../src/core/view/showView';
import { remoteAssetUrls } from '../../../src/host/cache/assetRefs';
import { cacheUrlFor, missingAssetRef } from '../../../src/host/cache/cacheRoute';
import { rewriteRemoteAssets } from '../../../src/host/cache/rewriteRemoteAssets';

const CACHED = 'https://cdn.example.com/sponsor-a.svg';
const MISSING = 'https://cdn.example.com/sponsor-b.svg';

const wall: Slide = {
  type: 'sponsors',
  id: 'wall',
  tiers: [
    {
      name: 'Gold',
      sponsors: [
        { name: 'A', logo: CACHED },
        { name: 'B', logo: MISSING },
        { name: 'C', logo: 'logos/c.svg' },
        { name: 'D' },
      ],
    },
  ],
};
const qr: Slide = { type: 'qr', id: 'qr', title: 'Scan', url: 'https://flink-forward.example/slides' };
const video: Slide = { type: 'video', id: 'v', src: CACHED, poster: MISSING };

function view(slide: Slide | null, upcoming: Slide | null): ShowView {
  return {
    seq: 1,
    screen: 'main',
    event: { name: 'Flink Forward China', timezone: 'Asia/Shanghai', languages: ['zh', 'en'] },
    theme: { logo: CACHED, background: { image: MISSING, color: '#000000' } },
    sessions: [],
    assetBase: '/media/',
    slide: slide === null ? null : screenSlide(slide),
    position: null,
    transition: 'fade',
    durationMs: null,
    timeLeftMs: null,
    paused: false,
    blackout: false,
    announcement: null,
    upcoming: upcoming === null ? null : screenSlide(upcoming),
    keyboard: true,
    now: 0,
  };
}

describe('rewriteRemoteAssets', () => {
  it('points cached https assets at /cache/ and uncached ones at a missing marker, in slide, upcoming and theme', () => {
    const out = rewriteRemoteAssets(view(wall, video), (url) => url === CACHED);
    expect(out.slide).toEqual({
      ...wall,
      tiers: [
        {
          name: 'Gold',
          sponsors: [
            { name: 'A', logo: cacheUrlFor(CACHED) },
            { name: 'B', logo: missingAssetRef(MISSING) },
            { name: 'C', logo: 'logos/c.svg' },
            { name: 'D' },
          ],
        },
      ],
    });
    expect(out.upcoming).toEqual({ ...video, src: cacheUrlFor(CACHED), poster: missingAssetRef(MISSING) });
    expect(out.theme).toEqual({
      logo: cacheUrlFor(CACHED),
      background: { image: missingAssetRef(MISSING), color: '#000000' },
    });
  });

  it('leaves a QR code URL and the idle screen alone', () => {
    const out = rewriteRemoteAssets(view(qr, null), () => false);
    expect(out.slide).toEqual(qr);
    expect(out.upcoming).toBeNull();
    expect(rewriteRemoteAssets(view(null, null), () => true).slide).toBeNull();
  });
});

describe('remoteAssetUrls', () => {
  it('lists each https asset of theme and slides once, and no QR URL or relative path', () => {
    expect(
      remoteAssetUrls({
        version: 1,
        event: { name: 'x', timezone: 'Asia/Shanghai', languages: ['en'] },
        theme: { logo: 'https://cdn.example.com/event.svg' },
        slides: [
          wall,
          qr,
          video,
          { type: 'speaker', id: 's', name: 'Keynote speaker', photo: 'people/p.jpg' },
        ],
      }),
    ).toEqual(['https://cdn.example.com/event.svg', CACHED, MISSING]);
  });
});
