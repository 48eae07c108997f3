import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { serveStatic } from '../http/staticFiles';
import type { AssetCache } from './assetCache';

/** The URL path prefix the host serves cached remote assets under. */
export const CACHE_ROUTE = '/cache/';

/** The prefix of a ref standing for a remote asset that is not cached yet; the route answers 404 at once. */
export const MISSING_ASSET_PREFIX = '/cache/missing/';

/** The path a renderer loads a cached `https://` asset from: `/cache/<URL, percent-encoded>`. */
export function cacheUrlFor(ref: string): string {
  return `${CACHE_ROUTE}${encodeURIComponent(ref)}`;
}

/** The marker put in a view for a remote asset that is not cached yet; loading it fails, so the renderer shows its placeholder. */
export function missingAssetRef(ref: string): string {
  return `${MISSING_ASSET_PREFIX}${encodeURIComponent(ref)}`;
}

/** The remote URL a `/cache/…` request path stands for, or null when it is not one (or is a missing marker). */
export function remoteUrlOfCachePath(urlPath: string): string | null {
  const path = urlPath.split(/[?#]/, 1)[0] ?? '';
  if (!path.startsWith(CACHE_ROUTE) || path.startsWith(MISSING_ASSET_PREFIX)) return null;
  const encoded = path.slice(CACHE_ROUTE.length);
  if (encoded === '' || encoded.includes('/')) return null;
  try {
    const url = decodeURIComponent(encoded);
    return /^https?:\/\//i.test(url) ? url : null;
  } catch {
    return null;
  }
}

/**
 * Serves `GET /cache/<encoded URL>` from the cache only (never the network), with ranges and ETags like
 * `/media/`; verifies the file's sha256 the first time it is served after start. Answers 404 for anything
 * not cached (a damaged file is also refetched in the background). Mount it for paths starting `CACHE_ROUTE`.
 */
export async function serveCached(
  cache: AssetCache,
  req: IncomingMessage,
  res: ServerResponse,
  urlPath: string,
): Promise<void> {
  const url = remoteUrlOfCachePath(urlPath);
  const found = url === null ? null : await cache.lookupVerified(url);
  // Why: a cached file comes from someone else's server; it must never run as a page of our origin.
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (found !== null && (await serveStatic(req, res, cache.filesDir, `/${basename(found.file)}`))) return;
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(url === null ? 'not a cached asset path\n' : `not in the offline cache yet: ${url}\n`);
}
