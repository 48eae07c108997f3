import type { Playlist } from '../../core/playlist/types';
import { remoteAssetUrls } from './assetRefs';
import type { AssetCache, CacheLog } from './assetCache';

/** Options of `startBackgroundPrefetch`; the defaults suit a kiosk. */
export type BackgroundPrefetchOptions = Readonly<{
  /** First wait before retrying URLs that failed, ms; doubles each round. Default 30 s. */
  retryMs?: number;
  /** Longest wait between retries, ms. Default 10 min. */
  maxRetryMs?: number;
  /** Called when a round ends (tests wait on it). */
  onRound?: (failed: number) => void;
}>;

/**
 * Fetches the playlist's `https://` assets into `cache` in the background (the show goes on meanwhile) and
 * keeps retrying the ones that failed, backing off up to `maxRetryMs`. Call it on start and again on each
 * playlist change, after calling the previous `stop`. Returns `stop`, which ends retries and aborts downloads.
 */
export function startBackgroundPrefetch(
  playlist: Playlist,
  cache: AssetCache,
  log: CacheLog,
  options: BackgroundPrefetchOptions = {},
): () => void {
  const urls = remoteAssetUrls(playlist);
  const controller = new AbortController();
  const maxRetryMs = options.maxRetryMs ?? 600_000;
  let retryMs = options.retryMs ?? 30_000;
  let timer: NodeJS.Timeout | null = null;

  const round = async (): Promise<void> => {
    timer = null;
    const summary = await cache.prefetch(urls, undefined, controller.signal);
    if (controller.signal.aborted) return;
    options.onRound?.(summary.failed.length);
    if (summary.failed.length === 0) {
      if (summary.fetched > 0) log.info({ fetched: summary.fetched }, 'all remote assets are cached');
      return;
    }
    log.warn(
      { failed: summary.failed, retryInMs: retryMs },
      `${summary.failed.length} remote asset(s) could not be cached; their slides show placeholders until they are`,
    );
    timer = setTimeout(() => void round(), retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, maxRetryMs);
  };

  if (urls.length > 0) void round();
  return () => {
    controller.abort();
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}
