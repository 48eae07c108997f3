import { isRecord } from './finding';
import { formatPath, type JsonPath } from './jsonPath';
import type { Playlist } from './types';

/** One asset named in a playlist: where (`slides[3].photo`) and the reference as written (a relative path or https:// URL). */
export interface AssetRefAt {
  readonly path: string;
  readonly ref: string;
}

/** Every asset the playlist names (theme background and logo, then each slide's photo, logo, image, video, poster and sponsor logos), https:// ones included. */
export function collectAssetRefs(playlist: Playlist): readonly AssetRefAt[] {
  return assetRefsIn(playlist).map(({ path, ref }) => ({ path: formatPath(path), ref }));
}

/** The same walk over JSON not yet known to be a valid playlist; entries that are not non-empty strings are skipped. */
export function assetRefsIn(data: unknown): readonly { readonly path: JsonPath; readonly ref: string }[] {
  const refs: { path: JsonPath; ref: string }[] = [];
  const take = (owner: unknown, key: string, path: JsonPath): void => {
    const ref = isRecord(owner) ? owner[key] : undefined;
    if (typeof ref === 'string' && ref !== '') refs.push({ path: [...path, key], ref });
  };
  if (!isRecord(data)) return refs;
  const theme = data.theme;
  if (isRecord(theme)) {
    take(theme.background, 'image', ['theme', 'background']);
    take(theme, 'logo', ['theme']);
  }
  const slides = Array.isArray(data.slides) ? data.slides : [];
  slides.forEach((slide: unknown, i) => {
    const at = ['slides', i];
    for (const key of ['photo', 'logo', 'src', 'poster']) take(slide, key, at);
    const tiers = isRecord(slide) && Array.isArray(slide.tiers) ? slide.tiers : [];
    tiers.forEach((tier: unknown, t) => {
      const sponsors = isRecord(tier) && Array.isArray(tier.sponsors) ? tier.sponsors : [];
      sponsors.forEach((sponsor: unknown, s) => {
        take(sponsor, 'logo', [...at, 'tiers', t, 'sponsors', s]);
      });
    });
  });
  return refs;
}
