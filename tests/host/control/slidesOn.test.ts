import { describe, expect, it } from 'vitest';
import type { Playlist } from '../../../src/core/playlist/types';
import { httpStatusOf } from '../../../src/host/control/httpStatus';
import { playerHostTarget } from '../../../src/host/control/playerHostTarget';
import { demoPlaylist, machineHost } from './machineHost';

// Slides with `on` through the command path: goto refusals, the remote's slide list, several screens.

const NOW = Date.parse('2018-12-20T10:00:00+08:00');
const transport = { kind: 'http', client: 'test' } as const;

function venuePlaylist(): Playlist {
  const base = demoPlaylist();
  return {
    ...base,
    slides: [
      { type: 'announcement', id: 'everyone', text: 'For every screen' },
      { type: 'announcement', id: 'doors-only', text: 'Badges, please', on: ['doors'] },
      { type: 'announcement', id: 'lobby-only', text: 'Welcome', on: ['lobby', 'door-3'] },
    ],
  };
}

describe('slides with "on" on the command path', () => {
  it('refuses goto to a slide for other screens with not-for-screen (HTTP 422), naming the fix', async () => {
    const main = machineHost('main', venuePlaylist(), () => NOW, ['hall-a']);
    const target = playerHostTarget([main]);
    const reply = await target.execute({ type: 'goto', slide: 'doors-only' }, transport);
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-for-screen' } });
    if (reply.ok) return;
    expect(reply.error.message).toBe(
      'slide "doors-only" does not play on screen "main" (groups hall-a): its "on" is doors; add one of this screen\'s names to it to show it here',
    );
    expect(httpStatusOf(reply)).toBe(422);
    expect(main.state().slot).toMatchObject({ kind: 'slide', slideId: 'everyone' });
  });

  it('jumps by position to a slide for this screen by its name, and refuses the others by position too', async () => {
    const door = machineHost('door-3', venuePlaylist(), () => NOW, ['doors']);
    const target = playerHostTarget([door]);
    expect(await target.execute({ type: 'goto', slide: 3 }, transport)).toMatchObject({
      ok: true,
      state: { slide: { id: 'lobby-only' } },
    });
    const main = machineHost('main', venuePlaylist(), () => NOW);
    const refused = await playerHostTarget([main]).execute({ type: 'goto', slide: 2 }, transport);
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-for-screen' } });
  });

  it("marks in the remote's slide list which slides are for this screen", () => {
    const door = machineHost('door-3', venuePlaylist(), () => NOW, ['doors']);
    const main = machineHost('main', venuePlaylist(), () => NOW);
    const target = playerHostTarget([door, main]);
    const flags = (screen: string) =>
      target.playlist(screen)?.map((s) => [s.id, s.forScreen, s.eligible] as const);
    expect(flags('door-3')).toEqual([
      ['everyone', true, true],
      ['doors-only', true, true],
      ['lobby-only', true, true],
    ]);
    expect(flags('main')).toEqual([
      ['everyone', true, true],
      ['doors-only', false, false],
      ['lobby-only', false, false],
    ]);
  });

  it('goes round only its own slides with next, on each of two screens of one host', async () => {
    const door = machineHost('door-3', venuePlaylist(), () => NOW, ['doors']);
    const main = machineHost('main', venuePlaylist(), () => NOW);
    const target = playerHostTarget([door, main]);
    const seen = { 'door-3': new Set<string>(), main: new Set<string>() };
    for (let i = 0; i < 6; i++) {
      const reply = await target.execute({ type: 'next' }, transport);
      expect(reply.ok).toBe(true);
      for (const state of reply.ok ? (reply.screens ?? []) : []) {
        if (state.slide) seen[state.screen as 'main' | 'door-3'].add(state.slide.id);
      }
    }
    expect([...seen['door-3']].sort()).toEqual(['doors-only', 'everyone', 'lobby-only']);
    expect([...seen.main]).toEqual(['everyone']);
  });

  it('idles calmly, saying so in the view, when no slide is for the screen', async () => {
    const only: Playlist = { ...venuePlaylist(), slides: venuePlaylist().slides.slice(1) };
    const hall = machineHost('hall-b', only, () => NOW);
    expect(hall.host.getView()).toMatchObject({ slide: null, nothingForScreen: true, screen: 'hall-b' });
    const reply = await playerHostTarget([hall]).execute({ type: 'next' }, transport);
    expect(reply).toMatchObject({ ok: false, error: { code: 'nothing-eligible' } });
    if (!reply.ok) expect(reply.error.message).toContain('no slide of the playlist plays on screen "hall-b"');
    const door = machineHost('door-3', only, () => NOW);
    expect(door.host.getView().nothingForScreen).toBeUndefined();
  });
});
