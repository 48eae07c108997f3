import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Playlist } from '../../../src/core/playlist/schema';
import type { ShowView } from '../../../src/core/view/showView';
import { push, settle, viewsOf, waitPresented } from '../support/harness';
import { openWallPages, type WallPages, wallView } from '../support/testApiWall';
import { composeRow, patternMismatch, patternPng } from './testPattern';

const SHOTS = '/tmp/shots/wall-span';
/** Each screen: 960 × 540 CSS px, so the 1920 × 1080 canvas is drawn at half size and the bezels must be scaled. */
const WIDTH = 960;
const HEIGHT = 540;
/** The frame on each side of a screen's picture, in screen pixels: 2 × 20 between two screens. */
const BEZEL = 20;
/** The picture: 1600 × 300 (aspect 5.33), wider than one screen and a little less wide than the wall. */
const PICTURE = { width: 1600, height: 300 };

/**
 * Worked by hand, not with src/core/wall/spanCrop: the wall is 3 × 960 + 4 × 20 = 2960 screen pixels wide and
 * 540 high; cover scales the picture by max(2960 / 1600, 540 / 300) = 1.85, so it is 555 high and its overflow
 * (15 px) is cropped evenly: it starts at x 0, y −7.5. Screen i starts at x i × (960 + 40) on that canvas.
 */
const COVER_WITH_BEZELS = { left: 0, top: -7.5, scale: 1.85 };
const PITCH = WIDTH + 2 * BEZEL;

function imagePlaylist(span: boolean) {
  return Playlist.parse({
    version: 1,
    event: { name: 'Wall test', timezone: 'Asia/Shanghai', languages: ['en'] },
    slides: [{ type: 'image', id: 'pattern', src: 'pattern.png', transition: 'cut', span }],
  });
}

describe('an image spanned across a 3 × 1 wall', () => {
  let dir: string;
  let wall: WallPages;
  let shots: Buffer[];
  let base: ShowView;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marquee-span-'));
    writeFileSync(join(dir, 'pattern.png'), patternPng(PICTURE.width, PICTURE.height));
    wall = await openWallPages(dir, {
      clockOffsetsMs: [-150, 0, 200],
      bezel: { x: BEZEL, y: 0 },
      width: WIDTH,
      height: HEIGHT,
    });
    const [view] = viewsOf(imagePlaylist(true));
    if (view === undefined) throw new Error('no view of the image slide');
    base = view;
    const flipAtMs = Date.now() + 1_500;
    for (const screen of wall.screens) {
      await push(screen.page, wallView(base, screen, 1, { flipAtMs, startedAtMs: flipAtMs }));
    }
    shots = [];
    for (const screen of wall.screens) {
      await waitPresented(screen.page, 1);
      await settle(screen.page);
      shots.push(await screen.page.screenshot());
    }
    mkdirSync(SHOTS, { recursive: true });
    for (const [i, shot] of shots.entries()) writeFileSync(join(SHOTS, `span-image-screen-${i}.png`), shot);
    writeFileSync(join(SHOTS, 'span-image-3x1.png'), composeRow(shots, 2 * BEZEL));
  }, 120_000);

  afterAll(async () => {
    await wall?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('draws one picture whose diagonals run on straight across the bezels', () => {
    const { mismatch, samples } = patternMismatch(shots, PITCH, COVER_WITH_BEZELS);
    expect(samples).toBeGreaterThan(50_000);
    expect(mismatch).toBeLessThan(0.002);
    expect(wall.errors).toEqual([]);
  });

  it('would break at the seams without the bezels counted in (the check tells the two apart)', () => {
    // Without bezels the wall is 2880 wide, the scale 1.8 and the picture 540 high: no crop.
    const { mismatch } = patternMismatch(shots, WIDTH, { left: 0, top: 0, scale: 1.8 });
    expect(mismatch).toBeGreaterThan(0.2);
  });

  it('shows the picture normally on a screen that is not in a wall', async () => {
    const [screen] = wall.screens;
    if (screen === undefined) throw new Error('no screen');
    await push(screen.page, { ...base, seq: 2, now: Date.now() + screen.clockOffsetMs });
    await waitPresented(screen.page, 2);
    const drawn = await screen.page.evaluate(() => {
      const layer = document.querySelector('.layer[data-seq="2"]');
      const img = layer?.querySelector('img');
      const r = img?.getBoundingClientRect();
      return {
        spanned: layer?.querySelector('[data-span]') !== null,
        box: r === undefined ? null : [r.left, r.top, r.width, r.height].map(Math.round),
        fit: img === null || img === undefined ? null : getComputedStyle(img).objectFit,
      };
    });
    expect(drawn).toEqual({ spanned: false, box: [0, 0, WIDTH, HEIGHT], fit: 'cover' });
  });
});
