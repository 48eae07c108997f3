import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { contentTypeFor } from '../http/staticFiles';
import { type CacheEntry, cacheFileName, readCacheIndex, writeCacheIndex } from './cacheIndex';
import { DEFAULT_FETCH_POLICY, type Downloaded, downloadAsset, type FetchPolicy } from './fetchAsset';

/** Where the cache writes what it does; a pino logger fits. */
export type CacheLog = Readonly<{
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}>;

/** Options of `AssetCache.open`. */
export type AssetCacheOptions = Readonly<{
  /** The cache folder (see `assetCacheDir`); created when missing. */
  dir: string;
  /** Total size of the cached files; least recently used files the playlist no longer needs go first. Default 2 GiB. */
  maxTotalBytes?: number;
  /** Limits and allowed URLs per download. */
  policy?: Partial<FetchPolicy>;
  /** Downloads at the same time. Default 3. */
  concurrency?: number;
  log?: CacheLog;
  now?: () => number;
}>;

/** A cached asset ready to be shown. */
export type CachedAsset = Readonly<{ file: string; contentType: string }>;

/** What one URL of a prefetch came to. */
export type PrefetchOutcome =
  | Readonly<{ url: string; outcome: 'fetched'; size: number }>
  | Readonly<{ url: string; outcome: 'cached'; size: number }>
  | Readonly<{ url: string; outcome: 'failed'; reason: string }>;

/** Progress of a prefetch, reported after each URL. */
export type PrefetchProgress = Readonly<{ done: number; total: number; last: PrefetchOutcome }>;

/** The result of a prefetch. */
export type PrefetchSummary = Readonly<{
  fetched: number;
  alreadyCached: number;
  failed: readonly Readonly<{ url: string; reason: string }>[];
}>;

/** The cache folder inside the platform cache folder. */
export function assetCacheDir(platformCacheDir: string): string {
  return join(platformCacheDir, 'assets');
}

const silentLog: CacheLog = { info: () => {}, warn: () => {} };

/**
 * The offline cache of `https://` assets: files named by the sha256 of their content under `files/`, an
 * `index.json` mapping URL → entry. Shows read only from here; only prefetches touch the network.
 */
export class AssetCache {
  readonly dir: string;
  readonly maxTotalBytes: number;
  readonly #policy: FetchPolicy;
  readonly #concurrency: number;
  readonly #log: CacheLog;
  readonly #now: () => number;
  readonly #entries: Map<string, CacheEntry>;
  /** Files whose sha256 was checked since start. */
  readonly #verified = new Set<string>();
  readonly #inFlight = new Map<string, Promise<PrefetchOutcome>>();
  /** The URLs the current playlist needs; never evicted. */
  #pinned: ReadonlySet<string> = new Set();
  #saving: Promise<void> = Promise.resolve();
  readonly #changeListeners = new Set<(url: string) => void>();

  private constructor(options: AssetCacheOptions, entries: Map<string, CacheEntry>) {
    this.dir = options.dir;
    this.maxTotalBytes = options.maxTotalBytes ?? 2 * 1024 ** 3;
    this.#policy = { ...DEFAULT_FETCH_POLICY, ...options.policy };
    this.#concurrency = Math.max(1, options.concurrency ?? 3);
    this.#log = options.log ?? silentLog;
    this.#now = options.now ?? Date.now;
    this.#entries = entries;
  }

  /** Opens (or creates) the cache in `options.dir`, dropping leftovers of interrupted downloads. */
  static async open(options: AssetCacheOptions): Promise<AssetCache> {
    await mkdir(join(options.dir, 'files'), { recursive: true });
    await rm(join(options.dir, 'tmp'), { recursive: true, force: true });
    await mkdir(join(options.dir, 'tmp'), { recursive: true });
    const { entries, problem } = await readCacheIndex(join(options.dir, 'index.json'));
    const cache = new AssetCache(options, entries);
    if (problem !== null) cache.#log.warn({ dir: options.dir }, problem);
    await cache.#removeOrphans();
    return cache;
  }

  /** The folder the cached files live in (what `/cache/` serves from). */
  get filesDir(): string {
    return join(this.dir, 'files');
  }

  /** Total bytes of the cached files. */
  totalBytes(): number {
    const sizes = new Map<string, number>();
    for (const entry of this.#entries.values()) sizes.set(cacheFileName(entry), entry.size);
    let total = 0;
    for (const size of sizes.values()) total += size;
    return total;
  }

  /** The URLs in the cache. */
  urls(): readonly string[] {
    return [...this.#entries.keys()];
  }

  /**
   * The cached file for `url`, or null; never touches the network. Checks the file's size (cheap); a file
   * that is missing or has the wrong size is dropped and fetched again in the background.
   */
  lookup(url: string): CachedAsset | null {
    const entry = this.#entries.get(url);
    if (entry === undefined) return null;
    const file = join(this.filesDir, cacheFileName(entry));
    let size: number | null = null;
    try {
      size = statSync(file).size;
    } catch {
      size = null;
    }
    if (size !== entry.size) {
      this.#corrupted(
        url,
        entry,
        size === null ? 'the file is missing' : `size ${size}, expected ${entry.size}`,
      );
      return null;
    }
    this.#entries.set(url, { ...entry, lastUsedAt: this.#now() });
    return { file, contentType: entry.contentType };
  }

  /**
   * Like `lookup`, and also checks the file's sha256 the first time it is served after start; a file whose
   * content changed is deleted, fetched again in the background, and null is returned.
   */
  async lookupVerified(url: string): Promise<CachedAsset | null> {
    const found = this.lookup(url);
    const entry = this.#entries.get(url);
    if (found === null || entry === undefined) return null;
    const name = cacheFileName(entry);
    if (this.#verified.has(name)) return found;
    const actual = await sha256OfFile(found.file).catch(() => null);
    // Why: the entry may have been replaced (refetched) while hashing; judge only the file that was hashed.
    if (this.#entries.get(url)?.sha256 !== entry.sha256) return null;
    if (actual !== entry.sha256) {
      this.#corrupted(url, entry, `sha256 ${actual ?? 'unreadable'}, expected ${entry.sha256}`);
      return null;
    }
    this.#verified.add(name);
    return found;
  }

  /** Calls `listener` with a URL whenever it becomes available in the cache; returns an unsubscribe. */
  onCached(listener: (url: string) => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  /**
   * Makes sure every URL is in the cache (downloading what is missing or corrupted), then evicts least
   * recently used entries outside `urls` while the cache is over its size limit. `urls` is taken as
   * everything the current playlist needs. Never throws; failures are listed in the summary.
   */
  async prefetch(
    urls: readonly string[],
    onProgress?: (progress: PrefetchProgress) => void,
    signal?: AbortSignal,
  ): Promise<PrefetchSummary> {
    const unique = [...new Set(urls)];
    this.#pinned = new Set(unique);
    const outcomes: PrefetchOutcome[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < unique.length) {
        const url = unique[next++];
        if (url === undefined) return;
        const outcome = signal?.aborted
          ? ({ url, outcome: 'failed', reason: 'stopped' } as const)
          : await this.#ensure(url, signal);
        outcomes.push(outcome);
        onProgress?.({ done: outcomes.length, total: unique.length, last: outcome });
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#concurrency, unique.length) }, worker));
    await this.#evictIfOver();
    await this.#save();
    const failed = outcomes.flatMap((o) =>
      o.outcome === 'failed' ? [{ url: o.url, reason: o.reason }] : [],
    );
    return {
      fetched: outcomes.filter((o) => o.outcome === 'fetched').length,
      alreadyCached: outcomes.filter((o) => o.outcome === 'cached').length,
      failed: unique.flatMap((url) => failed.filter((f) => f.url === url)),
    };
  }

  /** Waits until the index on disk is up to date. */
  async flush(): Promise<void> {
    await this.#saving;
  }

  /** One URL: already there and intact, or downloaded now; concurrent requests for one URL share the work. */
  #ensure(url: string, signal?: AbortSignal): Promise<PrefetchOutcome> {
    const running = this.#inFlight.get(url);
    if (running !== undefined) return running;
    // Why: registered before the work starts, so a damaged file found inside it does not start a second download.
    const work = Promise.resolve()
      .then(() => this.#ensureOnce(url, signal))
      .finally(() => this.#inFlight.delete(url));
    this.#inFlight.set(url, work);
    return work;
  }

  async #ensureOnce(url: string, signal?: AbortSignal): Promise<PrefetchOutcome> {
    if (this.#entries.has(url)) {
      const intact = await this.lookupVerified(url);
      if (intact !== null) return { url, outcome: 'cached', size: this.#entries.get(url)?.size ?? 0 };
    }
    const result = await downloadAsset(url, join(this.dir, 'tmp'), this.#policy, signal);
    if (!result.ok) {
      this.#log.warn({ url, reason: result.reason }, 'could not fetch an asset for the offline cache');
      return { url, outcome: 'failed', reason: result.reason };
    }
    try {
      await this.#store(url, result.file);
    } catch (error) {
      await unlink(result.file.tempFile).catch(() => {});
      const reason = `could not store it in ${this.dir}: ${error instanceof Error ? error.message : String(error)}`;
      this.#log.warn({ url, reason }, 'could not store an asset in the offline cache');
      return { url, outcome: 'failed', reason };
    }
    this.#log.info({ url, size: result.file.size, sha256: result.file.sha256 }, 'asset cached');
    for (const listener of this.#changeListeners) listener(url);
    return { url, outcome: 'fetched', size: result.file.size };
  }

  async #store(url: string, downloaded: Downloaded): Promise<void> {
    const now = this.#now();
    const guessed = contentTypeFor(new URL(url).pathname);
    const contentType =
      downloaded.contentType === 'application/octet-stream' && guessed !== 'application/octet-stream'
        ? guessed
        : downloaded.contentType;
    const entry: CacheEntry = {
      sha256: downloaded.sha256,
      size: downloaded.size,
      contentType,
      fetchedAt: now,
      lastUsedAt: now,
    };
    const name = cacheFileName(entry);
    // Why: same content (another URL, or a refetch) lands on the same name; rename replaces it atomically.
    await rename(downloaded.tempFile, join(this.filesDir, name));
    this.#entries.set(url, entry);
    this.#verified.add(name);
    await this.#save();
  }

  /** Drops an entry whose file is missing or damaged, and fetches it again in the background. */
  #corrupted(url: string, entry: CacheEntry, detail: string): void {
    this.#log.warn({ url, detail }, 'a cached asset is damaged; deleting it and fetching it again');
    this.#entries.delete(url);
    const name = cacheFileName(entry);
    this.#verified.delete(name);
    if (!this.#fileInUse(name)) void unlink(join(this.filesDir, name)).catch(() => {});
    void this.#save();
    void this.#ensure(url);
  }

  #fileInUse(name: string): boolean {
    for (const entry of this.#entries.values()) if (cacheFileName(entry) === name) return true;
    return false;
  }

  /** Removes least recently used entries the playlist does not need until the cache fits its limit. */
  async #evictIfOver(): Promise<void> {
    if (this.totalBytes() <= this.maxTotalBytes) return;
    const candidates = [...this.#entries.entries()]
      .filter(([url]) => !this.#pinned.has(url))
      .sort(([, a], [, b]) => a.lastUsedAt - b.lastUsedAt);
    for (const [url, entry] of candidates) {
      if (this.totalBytes() <= this.maxTotalBytes) break;
      this.#entries.delete(url);
      const name = cacheFileName(entry);
      if (!this.#fileInUse(name)) {
        this.#verified.delete(name);
        await unlink(join(this.filesDir, name)).catch(() => {});
      }
      this.#log.info({ url, size: entry.size }, 'evicted from the offline cache (least recently used)');
    }
    if (this.totalBytes() > this.maxTotalBytes) {
      this.#log.warn(
        { totalBytes: this.totalBytes(), maxTotalBytes: this.maxTotalBytes },
        'the playlist needs more than the cache size limit; raise the limit or the oldest assets will not stay offline',
      );
    }
  }

  /** Deletes files no entry points to (left by a crash between a download and the index write). */
  async #removeOrphans(): Promise<void> {
    const known = new Set([...this.#entries.values()].map(cacheFileName));
    for (const name of await readdir(this.filesDir)) {
      if (!known.has(name)) await rm(join(this.filesDir, name), { force: true, recursive: true });
    }
  }

  #save(): Promise<void> {
    this.#saving = this.#saving
      .then(() => writeCacheIndex(join(this.dir, 'index.json'), this.#entries))
      .catch((error: unknown) => {
        this.#log.warn({ dir: this.dir, error: String(error) }, 'could not write the offline cache index');
      });
    return this.#saving;
  }
}

/** The sha256 of a file's content, hex. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
