import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { CONTENT_TYPES } from '../http/staticFiles';

/** What the cache knows about one downloaded URL. */
export const CacheEntry = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  contentType: z.string().min(1),
  /** When it was downloaded, ms since the epoch. */
  fetchedAt: z.number(),
  /** When it was last shown or prefetched, ms since the epoch (for LRU eviction). */
  lastUsedAt: z.number(),
});
/** What the cache knows about one downloaded URL. */
export type CacheEntry = Readonly<z.infer<typeof CacheEntry>>;

/** The cache's `index.json`: URL → entry. */
export const CacheIndexFile = z.strictObject({
  version: z.literal(1),
  entries: z.record(z.string(), CacheEntry),
});

/** Reads `index.json`; a missing or unreadable index is an empty cache (the reason is returned for the log). */
export async function readCacheIndex(
  file: string,
): Promise<Readonly<{ entries: Map<string, CacheEntry>; problem: string | null }>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    return { entries: new Map(), problem: missing ? null : `cannot read ${file}: ${String(error)}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { entries: new Map(), problem: `${file} is not valid JSON; starting with an empty cache` };
  }
  const parsed = CacheIndexFile.safeParse(json);
  if (!parsed.success) {
    return { entries: new Map(), problem: `${file} has an unknown shape; starting with an empty cache` };
  }
  return { entries: new Map(Object.entries(parsed.data.entries)), problem: null };
}

/** Writes `index.json` atomically (a temp file renamed over it, fsynced), so a power cut leaves the old or the new one. */
export async function writeCacheIndex(file: string, entries: ReadonlyMap<string, CacheEntry>): Promise<void> {
  const body: z.infer<typeof CacheIndexFile> = { version: 1, entries: Object.fromEntries(entries) };
  await writeFileAtomic(file, `${JSON.stringify(body, null, 1)}\n`, { fsync: true });
}

const MEDIA_EXTENSIONS: ReadonlyMap<string, string> = new Map(
  Object.entries(CONTENT_TYPES)
    .filter(([, type]) => /^(image|video|audio|font)\//.test(type))
    .reverse()
    .map(([ext, type]) => [type, ext]),
);

/**
 * The name of an entry's file: its sha256 plus an extension for media types, so the static file server
 * sends the right content type; anything else (HTML, scripts) gets no extension and is served as opaque bytes.
 */
export function cacheFileName(entry: Pick<CacheEntry, 'sha256' | 'contentType'>): string {
  return `${entry.sha256}${MEDIA_EXTENSIONS.get(entry.contentType) ?? ''}`;
}
