import type { Slide, Theme } from '../playlist/types';
import { assertNever } from '../assertNever';

/** The asset refs a slide shows, split by kind, so they can be loaded before it comes on screen. */
export type SlideAssets = Readonly<{ images: readonly string[]; videos: readonly string[] }>;

/** Every image and video ref `slide` (and the theme around it) will draw. */
export function slideAssets(slide: Slide | null, theme: Theme): SlideAssets {
  const images: string[] = [];
  const videos: string[] = [];
  if (theme.logo !== undefined) images.push(theme.logo);
  if (theme.background !== undefined && typeof theme.background === 'object' && 'image' in theme.background) {
    images.push(theme.background.image);
  }
  if (slide !== null) {
    switch (slide.type) {
      case 'speaker':
        if (slide.photo !== undefined) images.push(slide.photo);
        break;
      case 'practice':
        if (slide.logo !== undefined) images.push(slide.logo);
        break;
      case 'sponsors':
        for (const tier of slide.tiers)
          for (const s of tier.sponsors) if (s.logo !== undefined) images.push(s.logo);
        break;
      case 'image':
        images.push(slide.src);
        break;
      case 'video':
        videos.push(slide.src);
        if (slide.poster !== undefined) images.push(slide.poster);
        break;
      case 'course':
      case 'announcement':
      case 'schedule':
      case 'countdown':
      case 'qr':
        break;
      default:
        assertNever(slide);
    }
  }
  return { images: [...new Set(images)], videos: [...new Set(videos)] };
}
