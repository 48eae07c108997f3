import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playlist } from '../../../src/core/playlist/types';
import type { ShowView } from '../../../src/core/view/showView';
import { cacheUrlFor, missingAssetRef } from '../../../src/host/cache/cacheRoute';
import { startOfflineAssets } from '../../../src/host/cache/offlineAssets';
import { type AssetServer, startAssetServer } from './assetServer';

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
  slide: playlist.slides[0] ?? null,
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
      policy: {
        fetch: (input, init) => fetch(String(input).replace('https://assets.test', server.origin), init),
      },
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
