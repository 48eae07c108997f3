import { screenSlide } from '../../core/view/screenSlide';
import type { ShowView } from '../../core/view/showView';
import { isRemoteRef, mapSlideAssets, mapThemeAssets, type RefMapper } from './assetRefs';
import { cacheUrlFor, missingAssetRef } from './cacheRoute';

/**
 * `view` with every `https://` asset ref replaced by its `/cache/…` path when `isCached(url)`, or by a
 * missing marker (which fails to load, so the renderer shows its placeholder) when it is not cached yet.
 * The show never waits on the network. Relative refs and everything else stay as they are.
 */
export function rewriteRemoteAssets(view: ShowView, isCached: (url: string) => boolean): ShowView {
  const rewrite: RefMapper = (ref) => {
    if (!isRemoteRef(ref)) return ref;
    return isCached(ref) ? cacheUrlFor(ref) : missingAssetRef(ref);
  };
  return {
    ...view,
    theme: mapThemeAssets(view.theme, rewrite),
    slide: view.slide === null ? null : screenSlide(mapSlideAssets(view.slide, rewrite)),
    upcoming: view.upcoming === null ? null : screenSlide(mapSlideAssets(view.upcoming, rewrite)),
  };
}
