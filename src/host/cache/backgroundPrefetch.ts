import type { Playlist } from '../../core/playlist/types';
import { remoteAssetUrls } from './assetRefs';
import type { AssetCache, CacheLog } from './assetCache';

/** Options of `startBackgroundPrefetch`; the defaults suit a kiosk. */
export type BackgroundPrefetchOptions = Readonly<{
  /** First wait before retrying URLs that failed, ms; doubles each round. Default 30 s. */
  retryMs?: number;
  /** Longest wait between retries, ms. Default 10 min. */
  maxRetryMs?: number;
  /** Wait between checks once everything is cached (a damaged or deleted file is fetched again), ms. Default 10 min. */
  recheckMs?: number;
  /** Called when a round ends (tests wait on it). */
  onRound?: (failed: number) => void;
}>;

/**
 * Fetches the playlist's `https://` assets into `cache` in the background (the show goes on meanwhile),
 * keeps retrying the ones that failed (backing off up to `maxRetryMs`), and once all are cached checks again
 * every `recheckMs`, so a file damaged or deleted later comes back (this also saves the LRU times). Call it on start and again on each
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
  const firstRetryMs = options.retryMs ?? 30_000;
  const recheckMs = options.recheckMs ?? 600_000;
  let retryMs = firstRetryMs;
  let timer: NodeJS.Timeout | null = null;

  const round = async (): Promise<void> => {
    timer = null;
    const summary = await cache.prefetch(urls, undefined, controller.signal);
    if (controller.signal.aborted) return;
    options.onRound?.(summary.failed.length);
    if (summary.failed.length === 0) {
      if (summary.fetched > 0) log.info({ fetched: summary.fetched }, 'all remote assets are cached');
      retryMs = firstRetryMs;
      later(recheckMs);
      return;
    }
    log.warn(
      { failed: summary.failed, retryInMs: retryMs },
      `${summary.failed.length} remote asset(s) could not be cached; their slides show placeholders until they are`,
    );
    later(retryMs);
    retryMs = Math.min(retryMs * 2, maxRetryMs);
  };

  const later = (ms: number): void => {
    timer = setTimeout(() => void round(), ms);
    timer.unref();
  };

  if (urls.length > 0) void round();
  return () => {
    controller.abort();
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}
