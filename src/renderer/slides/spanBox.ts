import { type CSSProperties, useContext } from 'react';
import { type SpanBox, spanBox } from '../../core/wall/spanCrop';
import type { ShowView } from '../../core/view/showView';
import { StageScaleContext, useCanvas } from '../stage/Stage';

/**
 * Where this screen draws its part of a picture of `aspect` (width / height) spanned across its wall, in canvas
 * pixels; null when the screen is not in a wall or the picture's size is not known yet.
 */
export function useSpanBox(
  view: ShowView,
  span: boolean | undefined,
  aspect: number | undefined,
  fit: 'cover' | 'contain',
): SpanBox | null {
  const canvas = useCanvas();
  const scale = useContext(StageScaleContext);
  const wall = view.wall;
  if (span !== true || wall === undefined || aspect === undefined || !(aspect > 0)) return null;
  // Why: the stage is the canvas scaled to the screen, and bezels are in screen pixels: bring them to the canvas.
  const bezel = { x: wall.bezel.x / scale, y: wall.bezel.y / scale };
  return spanBox({ ...wall, bezel }, canvas, { width: aspect, height: 1 }, fit);
}

/** The style that puts a spanned picture's element in its box (the slide clips what falls off this screen). */
export function spanStyle(box: SpanBox): CSSProperties {
  return { left: box.left, top: box.top, width: box.width, height: box.height };
}

/** Whether this screen draws the caption of a spanned slide: only the bottom row's leftmost screen does. */
export function drawsSpanCaption(view: ShowView, spanned: boolean): boolean {
  const wall = view.wall;
  return !spanned || wall === undefined || (wall.column === 0 && wall.row === wall.rows - 1);
}
