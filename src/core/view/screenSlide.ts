import type { Slide } from '../playlist/types';
import type { ScreenSlide } from './showView';

/** The slide without its organisers' `notes`: what a view may carry to a renderer or a preview. */
export function screenSlide(slide: Slide): ScreenSlide {
  const { notes: _notes, ...onScreen } = slide;
  return onScreen;
}
