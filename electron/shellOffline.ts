import { remoteUrlOfCachePath } from '../src/host/cache/cacheRoute';
import type { OfflineAssets } from '../src/host/cache/offlineAssets';

/**
 * The cached file an app://renderer/cache/… path stands for, checked against its hash; null when it is not
 * cached (or the show runs without a cache): app:// then answers 404, never the network.
 */
export function shellCachedFile(offline: OfflineAssets | null): (urlPath: string) => Promise<string | null> {
  return async (urlPath) => {
    const url = offline === null ? null : remoteUrlOfCachePath(urlPath);
    return url === null || offline === null
      ? null
      : ((await offline.cache.lookupVerified(url))?.file ?? null);
  };
}
