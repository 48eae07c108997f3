import type { Logger } from 'pino';
import type { ShowView } from '../src/core/view/showView';
import type { AllowedNetworks } from '../src/host/cache/addressPolicy';
import { assetCacheDir } from '../src/host/cache/assetCache';
import { remoteUrlOfCachePath } from '../src/host/cache/cacheRoute';
import { startOfflineAssets } from '../src/host/cache/offlineAssets';
import { cacheFigures } from '../src/host/health/cacheFigures';
import type { PlayerHost } from '../src/host/PlayerHost';

/** The offline cache as the shell uses it: views rewritten to `/cache/…`, files for app://, figures for health. */
export type ShellOffline = Readonly<{
  rewrite: (view: ShowView) => ShowView;
  /** The cached file an app://renderer/cache/… path stands for, checked against its hash; null: not cached. */
  cachedFile: (urlPath: string) => Promise<string | null>;
  figures: () => ReturnType<typeof cacheFigures>;
  stop: () => void;
}>;

/**
 * Opens the offline cache in the platform cache folder and prefetches the playlist's `https://` assets in the
 * background, again after each playlist change (as `marquee serve` does). Null when the cache cannot be opened:
 * the show then runs without it.
 */
export async function startShellOffline(
  host: PlayerHost,
  platformCacheDir: string,
  logger: Logger,
  allowedNetworks: AllowedNetworks,
): Promise<ShellOffline | null> {
  let offline: Awaited<ReturnType<typeof startOfflineAssets>>;
  try {
    offline = await startOfflineAssets({
      dir: assetCacheDir(platformCacheDir),
      log: logger,
      policy: { allowedNetworks },
    });
  } catch (err) {
    // Why: the show matters more than the cache; remote assets are then loaded from the network.
    logger.error(
      { err: String(err) },
      'the offline asset cache could not be opened; the show runs without it',
    );
    return null;
  }
  offline.follow(host);
  return {
    rewrite: offline.rewrite,
    async cachedFile(urlPath) {
      const url = remoteUrlOfCachePath(urlPath);
      return url === null ? null : ((await offline.cache.lookupVerified(url))?.file ?? null);
    },
    figures: () => cacheFigures(offline.cache, host.playlist, offline.failedFetches()),
    stop: offline.stop,
  };
}
