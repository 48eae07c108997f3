import { collectAssetRefs } from '../../core/playlist/collectAssetRefs';
import type { Playlist, Slide, Theme } from '../../core/playlist/types';
import { assertNever } from '../../core/assertNever';

/** Changes one asset ref (a relative path or an `https://` URL) into another. */
export type RefMapper = (ref: string) => string;

/** Whether an asset ref is a remote `https://` URL (the only remote kind the playlist allows). */
export function isRemoteRef(ref: string): boolean {
  return /^https:\/\//i.test(ref);
}

/** `slide` with every asset ref it shows passed through `f`; other fields (a QR code's URL) stay as they are. */
export function mapSlideAssets(slide: Slide, f: RefMapper): Slide {
  switch (slide.type) {
    case 'speaker':
      return slide.photo === undefined ? slide : { ...slide, photo: f(slide.photo) };
    case 'practice':
      return slide.logo === undefined ? slide : { ...slide, logo: f(slide.logo) };
    case 'sponsors':
      return {
        ...slide,
        tiers: slide.tiers.map((tier) => ({
          ...tier,
          sponsors: tier.sponsors.map((s) => (s.logo === undefined ? s : { ...s, logo: f(s.logo) })),
        })),
      };
    case 'image':
      return { ...slide, src: f(slide.src) };
    case 'video':
      return {
        ...slide,
        src: f(slide.src),
        ...(slide.poster === undefined ? {} : { poster: f(slide.poster) }),
      };
    case 'course':
    case 'announcement':
    case 'schedule':
    case 'countdown':
    case 'qr':
      return slide;
    default:
      return assertNever(slide);
  }
}

/** `theme` with its logo and background image passed through `f`. */
export function mapThemeAssets(theme: Theme, f: RefMapper): Theme {
  const bg = theme.background;
  return {
    ...theme,
    ...(theme.logo === undefined ? {} : { logo: f(theme.logo) }),
    ...(bg !== undefined && typeof bg === 'object' && 'image' in bg
      ? { background: { ...bg, image: f(bg.image) } }
      : {}),
  };
}

/** Every distinct `https://` asset URL of a playlist (theme and slides), in order of first use. */
export function remoteAssetUrls(playlist: Playlist): readonly string[] {
  return [...new Set(collectAssetRefs(playlist).map((r) => r.ref))].filter(isRemoteRef);
}
