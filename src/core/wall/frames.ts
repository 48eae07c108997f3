/** One frame at 60 Hz, ms: the wall's unit of accuracy. */
export const FRAME_MS = 1000 / 60;

/**
 * How many whole frames `offMs` is, late or early (0 within half a frame and a millisecond): what a wall member
 * reports as `missedFrames` for a flip that came off its instant.
 */
export function framesOff(offMs: number): number {
  const off = Math.abs(offMs);
  return off > FRAME_MS / 2 + 1 ? Math.round(off / FRAME_MS) : 0;
}
