import { describe, expect, it } from 'vitest';
import { toControlState, toPlaylistItems } from '../../../src/core/control/controlState';
import { formatState } from '../../../src/core/control/formatState';
import { keyToCommand } from '../../../src/core/control/keyCommand';
import type { Slide } from '../../../src/core/playlist/types';
import { screenSlide } from '../../../src/core/view/screenSlide';
import type { ShowView } from '../../../src/core/view/showView';

const slides: Slide[] = [
  { type: 'speaker', id: 'keynote-1', name: { zh: '阿里巴巴技术负责人', en: 'Technical lead, Alibaba' } },
  { type: 'practice', id: 'didi', company: '滴滴', title: 'Metrics', points: ['a', 'b'], enabled: false },
  { type: 'announcement', id: 'lunch', text: 'Lunch is served' },
];

function view(over: Partial<ShowView> = {}): ShowView {
  return {
    seq: 4,
    screen: 'hall-a',
    event: { name: 'Flink Forward China 2018', timezone: 'Asia/Shanghai', languages: ['zh', 'en'] },
    theme: {},
    sessions: [],
    assetBase: '/assets/',
    slide: slides[0] === undefined ? null : screenSlide(slides[0]),
    position: { index: 1, count: 3 },
    transition: 'fade',
    durationMs: 10_000,
    timeLeftMs: 4_200,
    paused: false,
    blackout: false,
    announcement: { id: 2, text: 'Please take your seats', style: 'info' },
    upcoming: slides[2] === undefined ? null : screenSlide(slides[2]),
    keyboard: true,
    now: 1_000_000,
    ...over,
  };
}

describe('toControlState', () => {
  it('reports the slide, the next one, time left and the announcement countdown', () => {
    const s = toControlState({ view: view(), slides, announcementEndsAt: 1_060_000, playlistErrors: [] });
    expect(s.slide).toMatchObject({ id: 'keynote-1', position: 1, type: 'speaker' });
    expect(s.next).toMatchObject({ id: 'lunch', position: 3 });
    expect(s.timeLeftMs).toBe(4_200);
    expect(s.announcement).toEqual({
      id: 2,
      text: 'Please take your seats',
      title: null,
      style: 'info',
      timeLeftMs: 60_000,
    });
    expect(s.count).toBe(3);
  });

  it('reports the idle screen and playlist errors in the status summary', () => {
    const s = toControlState({
      view: view({ slide: null, position: null, upcoming: null, announcement: null, timeLeftMs: null }),
      slides,
      announcementEndsAt: null,
      playlistErrors: ['playlist.json:3:5  slides[0].duration  must be between 1 and 3600 seconds (got 0)'],
    });
    const text = formatState(s);
    expect(text).toContain('idle screen');
    expect(text).toContain('slides[0].duration');
  });

  it('lists disabled slides as not eligible', () => {
    const items = toPlaylistItems(slides, (slide) => slide.enabled !== false);
    expect(items.map((i) => [i.id, i.position, i.enabled, i.eligible])).toEqual([
      ['keynote-1', 1, true, true],
      ['didi', 2, false, false],
      ['lunch', 3, true, true],
    ]);
  });
});

describe('keyToCommand', () => {
  it('toggles pause and blackout from the current state', () => {
    const paused = toControlState({
      view: view({ paused: true, blackout: true }),
      slides,
      announcementEndsAt: null,
      playlistErrors: [],
    });
    expect(keyToCommand('toggle-pause', paused)).toEqual({ type: 'resume', screen: 'hall-a' });
    expect(keyToCommand('toggle-blackout', paused)).toEqual({
      type: 'blackout',
      on: false,
      screen: 'hall-a',
    });
  });
});
