import { describe, expect, it } from 'vitest';
import { wallSlidesAt } from '../../../src/core/wall/wallSlides';
import { beijing, playlist, slide } from '../player/playlistBuilder';

// The wall's rotation and the playlist's `on`: a wall plays the slides for it, the same on every member.

const show = playlist([
  slide('everyone'),
  slide('wall-only', { on: ['lobby-wall'] }),
  slide('doors-only', { on: ['doors'] }),
  slide('member-only', { on: ['lobby-1'] }),
]);

describe('wallSlidesAt with on', () => {
  it('keeps the slides without on and those on the wall, and leaves out those for other screens', () => {
    expect(wallSlidesAt(show, beijing('10:00'), 'lobby-wall').map((s) => s.id)).toEqual([
      'everyone',
      'wall-only',
    ]);
  });

  it('plays every slide when no wall name is given, as before on', () => {
    expect(wallSlidesAt(show, beijing('10:00')).map((s) => s.id)).toEqual([
      'everyone',
      'wall-only',
      'doors-only',
      'member-only',
    ]);
  });
});
