import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  helloPush,
  type LanPush,
  parseLanMessage,
  playlistPush,
  statePush,
} from '../../../src/core/channels/lanPushContract';
import { toControlState, toPlaylistItems } from '../../../src/core/control/controlState';
import { Playlist } from '../../../src/core/playlist/schema';
import type { Text } from '../../../src/core/playlist/types';
import { previewViews } from '../../../src/core/view/previewViews';

const DEMO = Playlist.parse(
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'assets', 'demo', 'playlist.json'), 'utf8'),
  ),
);
const VIEWS = previewViews(DEMO, Date.parse('2018-12-20T10:05:00+08:00'), { assetBase: '/media/' });

const text: fc.Arbitrary<Text> = fc.oneof(
  fc.string({ minLength: 1 }),
  fc.record({ zh: fc.string({ minLength: 1 }), en: fc.string({ minLength: 1 }) }),
);

/** A screen's state as the host derives it (`toControlState`), over any slide of the demo and any staff action. */
const state = fc
  .record({
    view: fc.constantFrom(...VIEWS),
    screen: fc.string(),
    paused: fc.boolean(),
    blackout: fc.boolean(),
    announcement: fc.option(
      fc.record({
        id: fc.nat(),
        text,
        title: fc.option(text, { nil: undefined }),
        style: fc.constantFrom('info' as const, 'urgent' as const),
      }),
      { nil: null },
    ),
    endsIn: fc.option(fc.integer({ min: -10_000, max: 3_600_000 }), { nil: null }),
    playlistErrors: fc.array(fc.string(), { maxLength: 3 }),
  })
  .map(({ view, screen, paused, blackout, announcement, endsIn, playlistErrors }) =>
    toControlState({
      view: {
        ...view,
        screen,
        paused,
        blackout,
        announcement:
          announcement === null
            ? null
            : {
                id: announcement.id,
                text: announcement.text,
                style: announcement.style,
                ...(announcement.title === undefined ? {} : { title: announcement.title }),
              },
      },
      slides: DEMO.slides,
      announcementEndsAt: endsIn === null ? null : view.now + endsIn,
      playlistErrors,
    }),
  );

/** A jump list as the host derives it (`toPlaylistItems`), whichever slides are eligible or for this screen. */
const items = fc
  .tuple(
    fc.array(fc.boolean(), { minLength: DEMO.slides.length }),
    fc.array(fc.boolean(), { minLength: DEMO.slides.length }),
  )
  .map(([eligible, forScreen]) =>
    toPlaylistItems(
      DEMO.slides,
      (s) => eligible[DEMO.slides.indexOf(s)] ?? true,
      (s) => forScreen[DEMO.slides.indexOf(s)] ?? true,
    ),
  );

const push: fc.Arbitrary<LanPush> = fc.oneof(
  fc.array(state, { maxLength: 4 }).map(helloPush),
  state.map(statePush),
  fc.tuple(fc.string(), items).map(([screen, slides]) => playlistPush(screen, slides)),
);

describe('the LAN push contract', () => {
  it('parses every push the host builds, after the wire, into the same message', () => {
    fc.assert(
      fc.property(push, (message) => {
        const wire: unknown = JSON.parse(JSON.stringify(message));
        expect(parseLanMessage(wire)).toEqual({ kind: 'push', push: wire });
      }),
      { numRuns: 300 },
    );
  });

  it('tells replies from pushes and refuses what is neither', () => {
    const reply = { ok: false, id: 3, error: { code: 'bad-json', message: 'not JSON' } };
    expect(parseLanMessage(reply)).toEqual({ kind: 'reply', reply });
    expect(parseLanMessage({ type: 'state', state: { screen: 'main' } })).toBeNull();
    expect(parseLanMessage({ type: 'welcome', screens: [] })).toBeNull();
    expect(parseLanMessage({ type: 'playlist', screen: 'main', slides: [{ id: 'x' }] })).toBeNull();
    expect(parseLanMessage('hello')).toBeNull();
  });
});
