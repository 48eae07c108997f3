import { describe, expect, it } from 'vitest';
import { wallGotoRefusal, wallSlidesAt } from '../../../src/core/wall/wallSlides';
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

describe('wallGotoRefusal: a goto moves the wall only to a slide of its rotation', () => {
  const timed = playlist([
    slide('everyone'),
    slide('wall-only', { on: ['lobby-wall'] }),
    slide('doors-only', { on: ['doors'] }),
    slide('evening', { when: [{ from: '18:00' }] }),
    slide('off', { enabled: false }),
  ]);
  const at = beijing('10:00');

  it('lets the wall go to a slide its rotation plays now', () => {
    for (const id of ['everyone', 'wall-only']) {
      expect(wallGotoRefusal(timed, id, at, 'lobby-wall'), id).toBeNull();
      expect(wallSlidesAt(timed, at, 'lobby-wall').map((s) => s.id)).toContain(id);
    }
  });

  it('refuses a slide for other screens, naming its "on" and the fix', () => {
    expect(wallGotoRefusal(timed, 'doors-only', at, 'lobby-wall')).toEqual({
      code: 'not-for-screen',
      message: expect.stringContaining('its "on" is doors; add "lobby-wall" to it'),
    });
  });

  it('refuses a slide outside its window or disabled, and says which', () => {
    expect(wallGotoRefusal(timed, 'evening', at, 'lobby-wall')?.message).toContain('outside its time window');
    expect(wallGotoRefusal(timed, 'evening', beijing('19:00'), 'lobby-wall')).toBeNull();
    expect(wallGotoRefusal(timed, 'off', at, 'lobby-wall')).toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('disabled'),
    });
  });

  it('leaves a slide the playlist does not have to readWallCommand', () => {
    expect(wallGotoRefusal(timed, 'nowhere', at, 'lobby-wall')).toBeNull();
  });

  it('refuses exactly the slides the rotation leaves out, at any hour', () => {
    for (const hour of ['00:30', '10:00', '18:00', '23:59']) {
      const t = beijing(hour);
      const rotation = new Set(wallSlidesAt(timed, t, 'lobby-wall').map((s) => s.id));
      for (const s of timed.slides) {
        expect(wallGotoRefusal(timed, s.id, t, 'lobby-wall') === null, `${s.id} at ${hour}`).toBe(
          rotation.has(s.id),
        );
      }
    }
  });
});
