/**
 * One picture across a wall: the part of it this screen draws. The wall is one virtual canvas of
 * `columns × rows` screens with the frames between them counted in (so a line that crosses a bezel
 * stays straight); the picture is scaled as a whole onto that canvas, then each screen shows its
 * window of it.
 */

export type Size = Readonly<{ width: number; height: number }>;

/** A screen's place in its wall; bezel: the frame on each side of the picture, in this screen's pixels. */
export type WallPlace = Readonly<{
  columns: number;
  rows: number;
  column: number;
  row: number;
  bezel: Readonly<{ x: number; y: number }>;
}>;

/** Where to draw the whole picture, in this screen's CSS pixels (it overflows the screen; clip it). */
export type SpanBox = Readonly<{ left: number; top: number; width: number; height: number }>;

/** The virtual canvas of the whole wall, frames between screens included, in this screen's pixels. */
export function wallCanvas(place: WallPlace, screen: Size): Size {
  return {
    width: place.columns * screen.width + (place.columns - 1) * 2 * place.bezel.x,
    height: place.rows * screen.height + (place.rows - 1) * 2 * place.bezel.y,
  };
}

/**
 * The box, relative to this screen's top-left corner, in which it draws the picture so that the
 * screens of the wall together show it once, scaled to `fit` the whole canvas (cover crops the
 * overflow evenly, contain letterboxes it).
 */
export function spanBox(
  place: WallPlace,
  screen: Size,
  picture: Size,
  fit: 'cover' | 'contain' = 'cover',
): SpanBox {
  const canvas = wallCanvas(place, screen);
  const scales = [canvas.width / picture.width, canvas.height / picture.height];
  const scale = fit === 'cover' ? Math.max(...scales) : Math.min(...scales);
  const width = picture.width * scale;
  const height = picture.height * scale;
  const originX = place.column * (screen.width + 2 * place.bezel.x);
  const originY = place.row * (screen.height + 2 * place.bezel.y);
  return {
    left: (canvas.width - width) / 2 - originX,
    top: (canvas.height - height) / 2 - originY,
    width,
    height,
  };
}
