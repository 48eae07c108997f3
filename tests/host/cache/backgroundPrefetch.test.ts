import { unlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playlist } from '../../../src/core/playlist/types';
import { AssetCache } from '../../../src/host/cache/assetCache';
import { startBackgroundPrefetch } from '../../../src/host/cache/backgroundPrefetch';
import { type AssetServer, routedTo, startAssetServer } from './assetServer';

let server: AssetServer;
let dir: string;
beforeAll(async () => {
  server = await startAssetServer();
  dir = await mkdtemp(join(tmpdir(), 'marquee-bg-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Why: playlists only hold https URLs; the policy sends https://assets.test/… to the loopback test server instead. */
const openCache = () => AssetCache.open({ dir, policy: routedTo(server) });

const playlistWith = (logo: string): Playlist => ({
  version: 1,
  event: { name: 'x', timezone: 'Asia/Shanghai', languages: ['en'] },
  slides: [{ type: 'practice', id: 'p', company: 'Co', logo, title: 'Case', points: ['a', 'b'] }],
});

describe('startBackgroundPrefetch', () => {
  it('keeps retrying an asset the server refuses until it is cached, then stops', async () => {
    let calls = 0;
    server.routes.set('/flaky.svg', (_req, res) => {
      calls++;
      res.statusCode = calls < 3 ? 503 : 200;
      res.setHeader('Content-Type', 'image/svg+xml');
      res.end(calls < 3 ? 'busy' : '<svg xmlns="http://www.w3.org/2000/svg"/>');
    });
    const cache = await openCache();
    const url = 'https://assets.test/flaky.svg';
    const rounds: number[] = [];
    const warned: object[] = [];
    const done = new Promise<void>((resolve) => {
      startBackgroundPrefetch(
        playlistWith(url),
        cache,
        { info: () => {}, warn: (o) => warned.push(o) },
        {
          retryMs: 20,
          onRound: (failed) => {
            rounds.push(failed);
            if (failed === 0) resolve();
          },
        },
      );
    });
    expect(cache.lookup(url)).toBeNull();
    await done;
    expect(rounds).toEqual([1, 1, 0]);
    expect(warned).toHaveLength(2);
    expect(cache.lookup(url)?.contentType).toBe('image/svg+xml');
  });

  it('stops retrying once stopped', async () => {
    let calls = 0;
    server.routes.set('/down.svg', (_req, res) => {
      calls++;
      res.statusCode = 500;
      res.end();
    });
    const cache = await openCache();
    let stop = (): void => {};
    await new Promise<void>((resolve) => {
      stop = startBackgroundPrefetch(
        playlistWith('https://assets.test/down.svg'),
        cache,
        { info() {}, warn() {} },
        {
          retryMs: 30,
          onRound: () => resolve(),
        },
      );
    });
    stop();
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(after).toBe(1);
    expect(calls).toBe(1);
  });

  it('once all is cached, checks again later and brings back a file that was deleted', async () => {
    server.routes.set('/steady.svg', {
      type: 'image/svg+xml',
      body: '<svg xmlns="http://www.w3.org/2000/svg" id="s"/>',
    });
    const cache = await openCache();
    const url = 'https://assets.test/steady.svg';
    let rounds = 0;
    let stop = (): void => {};
    let deleted = false;
    await new Promise<void>((resolve) => {
      stop = startBackgroundPrefetch(
        playlistWith(url),
        cache,
        { info() {}, warn() {} },
        {
          recheckMs: 30,
          onRound: () => {
            rounds++;
            const file = cache.lookup(url)?.file;
            if (!deleted && file !== undefined) {
              deleted = true;
              unlinkSync(file);
            } else if (deleted && file !== undefined) resolve();
          },
        },
      );
    });
    stop();
    expect(rounds).toBeGreaterThanOrEqual(2);
    expect(server.hits.get('/steady.svg')).toBe(2);
  });
});
