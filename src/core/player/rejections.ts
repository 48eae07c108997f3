import { closest } from 'fastest-levenshtein';
import type { Slide } from '../playlist/types';
import { describeAudience, isForScreen } from './eligibility';
import type { Audience, PlayerState, RejectCode } from './playerTypes';

// The player's answers to commands it cannot carry out: where `goto` points, and why nothing can play.

/** The index `goto` jumps to, or why there is no such slide. */
export function resolveGoto(
  state: PlayerState,
  target: string | number,
): { index: number } | { code: RejectCode; message: string } {
  const slides = state.playlist.slides;
  if (typeof target === 'number') {
    if (Number.isInteger(target) && target >= 1 && target <= slides.length) return { index: target - 1 };
    return {
      code: 'bad-position',
      message: `position ${target} is not a slide: give a whole number from 1 to ${slides.length}, or a slide id`,
    };
  }
  const index = slides.findIndex((s) => s.id === target);
  if (index >= 0) return { index };
  const ids = slides.map((s) => s.id);
  const near = ids.length > 0 ? closest(target, ids) : undefined;
  return {
    code: 'unknown-slide',
    message: `no slide has the id "${target}"${near ? `; did you mean "${near}"?` : ''} (or give a position from 1 to ${slides.length})`,
  };
}

/** Why `goto` may not show `slide` here: its `on` leaves this screen out. */
export function notForScreen(slide: Slide, audience: Audience): string {
  return `slide "${slide.id}" does not play on ${describeAudience(audience)}: its "on" is ${(slide.on ?? []).join(', ')}; add one of this screen's names to it to show it here`;
}

/** Why `next`/`prev` found nothing: no slide is for this screen at all, or none can play now. */
export function nothingEligible(state: PlayerState): string {
  const { audience } = state;
  if (audience !== null && !state.playlist.slides.some((slide) => isForScreen(slide, audience))) {
    return `no slide of the playlist plays on ${describeAudience(audience)}: every slide's "on" names other screens`;
  }
  return 'no slide can play now: every slide for this screen is disabled or outside its time window';
}
