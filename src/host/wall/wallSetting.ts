import { z } from 'zod';

const Count = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(32, 'must be at most 32');
const Place = z.number().int('must be a whole number').min(0, 'counts from 0');
const Bezel = z.number().min(0, 'must be 0 or more pixels').max(2000, 'must be at most 2000 pixels');

/**
 * A screen's place in a synchronized wall (docs/walls.md): the wall's name and size, this screen's column and
 * row from 0 (left to right, top to bottom), and the frame on each side of its picture in its own pixels.
 */
export const WallSetting = z
  .strictObject({
    name: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
        'must be letters, digits, "-" or "_" (up to 64), e.g. "lobby-wall"',
      ),
    columns: Count,
    rows: Count.default(1),
    column: Place,
    row: Place.default(0),
    bezel: z.strictObject({ x: Bezel.default(0), y: Bezel.default(0) }).default({ x: 0, y: 0 }),
  })
  .superRefine((wall, ctx) => {
    if (wall.column >= wall.columns) {
      ctx.addIssue({
        code: 'custom',
        path: ['column'],
        message: `must be less than columns (${wall.columns}): the leftmost screen is column 0, the rightmost ${wall.columns - 1}`,
      });
    }
    if (wall.row >= wall.rows) {
      ctx.addIssue({
        code: 'custom',
        path: ['row'],
        message: `must be less than rows (${wall.rows}): the top row is 0, the bottom ${wall.rows - 1}`,
      });
    }
  });

/** A screen's place in its wall, validated. */
export type WallSetting = z.infer<typeof WallSetting>;
