import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playlist } from '../../../src/core/playlist/types';
import { screenSlide } from '../../../src/core/view/screenSlide';
import type { ShowView } from '../../../src/core/view/showView';
import { cacheUrlFor, missingAssetRef } from '../../../src/host/cache/cacheRoute';
import { startOfflineAssets } from '../../../src/host/cache/offlineAssets';
import { type AssetServer, routedTo, startAssetServer } from './assetServer';

let server: AssetServer;
let dir: string;
beforeAll(async () => {
  server = await startAssetServer();
  server.routes.set('/photo.svg', {
    type: 'image/svg+xml',
    body: '<svg xmlns="http://www.w3.org/2000/svg"/>',
  });
  dir = await mkdtemp(join(tmpdir(), 'marquee-offline-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const PHOTO = 'https://assets.test/photo.svg';
const playlist: Playlist = {
  version: 1,
  event: { name: 'Flink Forward China 2018', timezone: 'Asia/Shanghai', languages: ['zh', 'en'] },
  slides: [{ type: 'speaker', id: 'keynote', name: 'Keynote speaker', photo: PHOTO }],
};
const view = (): ShowView => ({
  seq: 1,
  screen: 'main',
  event: playlist.event,
  theme: {},
  sessions: [],
  assetBase: '/media/',
  slide: playlist.slides[0] === undefined ? null : screenSlide(playlist.slides[0]),
  position: { index: 1, count: 1 },
  transition: 'fade',
  durationMs: 10_000,
  timeLeftMs: null,
  paused: false,
  blackout: false,
  announcement: null,
  upcoming: null,
  keyboard: true,
  now: 0,
});

describe('startOfflineAssets', () => {
  it('shows the placeholder marker until the background fetch lands, then the cached path', async () => {
    let roundDone = (): void => {};
    const round = new Promise<void>((resolve) => {
      roundDone = resolve;
    });
    const offline = await startOfflineAssets({
      dir,
      background: { onRound: () => roundDone() },
      log: { info() {}, warn() {} },
      policy: routedTo(server),
    });
    const photoOf = (v: ShowView) => (v.slide?.type === 'speaker' ? v.slide.photo : undefined);
    expect(photoOf(offline.rewrite(view()))).toBe(missingAssetRef(PHOTO));
    const cached = new Promise<string>((resolve) => offline.onCached(resolve));
    offline.setPlaylist(playlist);
    expect(await cached).toBe(PHOTO);
    expect(photoOf(offline.rewrite(view()))).toBe(cacheUrlFor(PHOTO));
    await round;
    offline.stop();
  });
});

describe('following a host', () => {
  it('fetches for the playing playlist, again when an edit changes it, and counts failed fetches', async () => {
    const LOGO = 'https://assets.test/logo.svg';
    const GONE = 'https://assets.test/gone.svg';
    server.routes.set('/logo.svg', {
      type: 'image/svg+xml',
      body: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const listeners = new Set<(v: ShowView) => void>();
    const source = {
      playlist,
      onView(listener: (v: ShowView) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const rounds: number[] = [];
    let roundSeen = (): void => {};
    const offline = await startOfflineAssets({
      dir: await mkdtemp(join(tmpdir(), 'marquee-follow-')),
      background: {
        onRound: (failed) => {
          rounds.push(failed);
          roundSeen();
        },
      },
      log: { info() {}, warn() {} },
      policy: routedTo(server),
    });
    const nextRound = () => new Promise<void>((resolve) => (roundSeen = resolve));
    try {
      let round = nextRound();
      offline.follow(source);
      await round;
      expect(offline.cache.lookup(PHOTO)).not.toBeNull();
      expect(offline.failedFetches()).toBe(0);

      // A view with the same playlist starts no new round; an edited playlist does.
      for (const l of listeners) l(view());
      source.playlist = {
        ...playlist,
        slides: [
          ...playlist.slides,
          { type: 'practice', id: 'p', company: 'Alibaba', title: 'Case', points: ['a', 'b'], logo: LOGO },
          { type: 'image', id: 'i', src: GONE },
        ],
      };
      round = nextRound();
      for (const l of listeners) l(view());
      await round;
      expect(rounds).toHaveLength(2);
      expect(offline.cache.lookup(LOGO)).not.toBeNull();
      expect(offline.cache.lookup(GONE)).toBeNull();
      expect(offline.failedFetches()).toBe(1);
    } finally {
      offline.stop();
    }
    expect(listeners.size).toBe(0);
  });
});
