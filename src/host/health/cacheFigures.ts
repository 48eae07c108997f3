import type { Playlist } from '../../core/playlist/types';
import type { AssetCache } from '../cache/assetCache';
import { remoteAssetUrls } from '../cache/assetRefs';
import type { HealthInputs } from './health';

/** The offline cache's figures for health: entries, bytes, the playlist's remote assets not cached yet, and failed fetches. */
export function cacheFigures(
  cache: Pick<AssetCache, 'urls' | 'totalBytes'>,
  playlist: Playlist,
  failedFetches: number,
): NonNullable<HealthInputs['cache']> {
  const cached = new Set(cache.urls());
  return {
    entries: cached.size,
    bytes: cache.totalBytes(),
    pendingFetches: remoteAssetUrls(playlist).filter((url) => !cached.has(url)).length,
    failedFetches,
  };
}
