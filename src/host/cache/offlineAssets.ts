import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Playlist } from '../../core/playlist/types';
import type { ShowView } from '../../core/view/showView';
import { AssetCache, type AssetCacheOptions, type CacheLog } from './assetCache';
import { type BackgroundPrefetchOptions, startBackgroundPrefetch } from './backgroundPrefetch';
import { serveCached } from './cacheRoute';
import { rewriteRemoteAssets } from './rewriteRemoteAssets';

/** Everything a host needs for offline `https://` assets, behind one object. */
export type OfflineAssets = Readonly<{
  cache: AssetCache;
  /** Call with the playlist on start and after each change: fetches what it needs in the background. */
  setPlaylist(playlist: Playlist): void;
  /** The view with remote refs pointing at `/cache/` (or at a missing marker until cached). */
  rewrite(view: ShowView): ShowView;
  /** The `/cache/` route handler. */
  serve(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void>;
  /** Calls `listener` when an asset becomes available (push the view again so the placeholder turns into it). */
  onCached(listener: (url: string) => void): () => void;
  /** Fetches for `source`'s playlist now and again each time it changes (a new playlist object); stopped by `stop`. */
  follow(source: PlaylistSource): void;
  /** Assets that failed in the last background round. */
  failedFetches(): number;
  /** Stops background downloads and retries, and stops following. */
  stop(): void;
}>;

/** Where the playing playlist comes from (a PlayerHost). */
export type PlaylistSource = Readonly<{
  readonly playlist: Playlist;
  onView(listener: (view: ShowView) => void): () => void;
}>;

/** Opens the cache in `options.dir` and returns the host's handle on it; call `setPlaylist` to start fetching. */
export async function startOfflineAssets(
  options: AssetCacheOptions & Readonly<{ log: CacheLog; background?: BackgroundPrefetchOptions }>,
): Promise<OfflineAssets> {
  const cache = await AssetCache.open(options);
  let stopPrefetch: (() => void) | null = null;
  let unfollow: (() => void) | null = null;
  let failed = 0;
  const background: BackgroundPrefetchOptions = {
    ...options.background,
    onRound: (count) => {
      failed = count;
      options.background?.onRound?.(count);
    },
  };
  const setPlaylist = (playlist: Playlist): void => {
    stopPrefetch?.();
    stopPrefetch = startBackgroundPrefetch(playlist, cache, options.log, background);
  };
  return {
    cache,
    setPlaylist,
    follow: (source) => {
      unfollow?.();
      let fetchedFor = source.playlist;
      setPlaylist(fetchedFor);
      unfollow = source.onView(() => {
        if (source.playlist === fetchedFor) return;
        fetchedFor = source.playlist;
        setPlaylist(fetchedFor);
      });
    },
    failedFetches: () => failed,
    rewrite: (view) => rewriteRemoteAssets(view, (url) => cache.lookup(url) !== null),
    serve: (req, res, urlPath) => serveCached(cache, req, res, urlPath),
    onCached: (listener) => cache.onCached(listener),
    stop: () => {
      unfollow?.();
      unfollow = null;
      stopPrefetch?.();
      stopPrefetch = null;
    },
  };
}
