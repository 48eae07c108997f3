import { posix } from 'node:path';
import { collectAssetRefs } from '../../core/playlist/collectAssetRefs';
import type { Playlist } from '../../core/playlist/types';

/** The local asset paths a playlist references, normalised (`./images/a.svg` → `images/a.svg`). */
export function localAssetPaths(playlist: Playlist): ReadonlySet<string> {
  const paths = new Set<string>();
  for (const { ref } of collectAssetRefs(playlist)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) continue;
    paths.add(posix.normalize(ref.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/^\/+/, ''));
  }
  return paths;
}

/**
 * Whether `/media/<urlPath>` names a file the playlist uses. Why: the playlist may sit in a home folder,
 * so browser mode serves only what the show references, never the whole folder.
 */
export function isReferencedMedia(
  playlist: Playlist,
  urlPath: string,
  cache = new WeakMap<Playlist, ReadonlySet<string>>(),
): boolean {
  let decoded: string;
  try {
    decoded = urlPath
      .split('/')
      .map((segment) => decodeURIComponent(segment))
      .join('/');
  } catch {
    return false;
  }
  let allowed = cache.get(playlist);
  if (allowed === undefined) {
    allowed = localAssetPaths(playlist);
    cache.set(playlist, allowed);
  }
  return allowed.has(posix.normalize(decoded).replace(/^\/+/, ''));
}
