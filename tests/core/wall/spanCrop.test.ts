import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spanBox, wallCanvas, type WallPlace } from '../../../src/core/wall/spanCrop';

const screen = { width: 1920, height: 1080 };
const place = (column: number, extra: Partial<WallPlace> = {}): WallPlace => ({
  columns: 3,
  rows: 1,
  column,
  row: 0,
  bezel: { x: 20, y: 0 },
  ...extra,
});

describe('spanBox', () => {
  it('counts the frames between screens into the canvas', () => {
    expect(wallCanvas(place(0), screen)).toEqual({ width: 3 * 1920 + 2 * 40, height: 1080 });
  });

  it('a picture exactly the canvas size is drawn unscaled, each screen shifted by its place', () => {
    const picture = { width: 3 * 1920 + 80, height: 1080 };
    expect(spanBox(place(0), screen, picture)).toEqual({ left: 0, top: 0, ...picture });
    expect(spanBox(place(1), screen, picture)).toEqual({ left: -(1920 + 40), top: 0, ...picture });
    expect(spanBox(place(2), screen, picture).left).toBe(-2 * (1920 + 40));
  });

  it('a point of the picture seen at a screen edge continues across the bezel on the next (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 16, max: 8000 }),
        fc.integer({ min: 16, max: 8000 }),
        fc.constantFrom<'cover' | 'contain'>('cover', 'contain'),
        (columns, rows, bx, by, pw, ph, fit) => {
          const base = { columns, rows, row: 0, bezel: { x: bx, y: by } };
          const boxes = Array.from({ length: columns }, (_, column) =>
            spanBox({ ...base, column }, screen, { width: pw, height: ph }, fit),
          );
          for (let c = 1; c < columns; c += 1) {
            const [left, right] = [boxes[c - 1], boxes[c]];
            if (!left || !right) throw new Error('missing box');
            // The same picture, the same size, and shifted by exactly one screen plus the two frames.
            expect(right.width).toBeCloseTo(left.width, 6);
            expect(left.left - right.left).toBeCloseTo(screen.width + 2 * bx, 6);
            expect(right.top).toBeCloseTo(left.top, 6);
          }
          const canvas = wallCanvas({ ...base, column: 0 }, screen);
          const first = boxes[0];
          if (!first) throw new Error('missing box');
          if (fit === 'cover') {
            expect(first.width).toBeGreaterThanOrEqual(canvas.width - 1e-6);
            expect(first.height).toBeGreaterThanOrEqual(canvas.height - 1e-6);
          } else {
            expect(first.width).toBeLessThanOrEqual(canvas.width + 1e-6);
            expect(first.height).toBeLessThanOrEqual(canvas.height + 1e-6);
          }
        },
      ),
    );
  });
});
