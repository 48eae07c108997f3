import { describe, expect, it } from 'vitest';
import { ImpressionRecord, impressionRecord, textName } from '../../../src/core/proof/impressionRecord';
import type { Playlist } from '../../../src/core/playlist/types';

const playlist: Playlist = {
  version: 1,
  event: { name: 'Flink Forward China 2018', timezone: 'Asia/Shanghai', languages: ['zh', 'en'] },
  slides: [
    {
      type: 'sponsors',
      id: 'wall',
      tiers: [
        { name: 'Diamond', sponsors: [{ name: 'Alibaba Cloud' }, { name: 'Sponsor B' }] },
        { name: 'Gold', sponsors: [{ name: 'Sponsor C' }, { name: 'Alibaba Cloud' }] },
      ],
    },
    {
      type: 'practice',
      id: 'case-1',
      company: { en: 'Alibaba', zh: '阿里巴巴' },
      title: 'Real-time search',
      points: ['a', 'b'],
    },
    { type: 'announcement', id: 'note', text: 'Lunch at 12:00' },
  ],
};

// 2018-12-20 23:59:50 in Beijing is 15:59:50 UTC.
const lateEvening = Date.parse('2018-12-20T23:59:50+08:00');

describe('impressionRecord', () => {
  it('counts the day in the event timezone from when the slide was painted, and names every sponsor of a wall once', () => {
    const record = impressionRecord(
      {
        slideId: 'wall',
        slideType: 'sponsors',
        presentedAt: lateEvening,
        endedAt: lateEvening + 12_345,
        shownMs: 12_345,
        reason: 'time-up',
      },
      'hall-a',
      playlist,
    );
    expect(record).toEqual({
      v: 1,
      day: '2018-12-20',
      tz: 'Asia/Shanghai',
      screen: 'hall-a',
      slideId: 'wall',
      slideType: 'sponsors',
      sponsors: ['Alibaba Cloud', 'Sponsor B', 'Sponsor C'],
      start: '2018-12-20T15:59:50.000Z',
      end: '2018-12-20T16:00:02.345Z',
      seconds: 12.345,
      cutShort: false,
      reason: 'time-up',
    });
    expect(ImpressionRecord.safeParse(record).success).toBe(true);
  });

  it('names the company of a practice slide in the event languages, and marks a staff skip as cut short', () => {
    const record = impressionRecord(
      {
        slideId: 'case-1',
        slideType: 'practice',
        presentedAt: 0,
        endedAt: 4000,
        shownMs: 4000,
        reason: 'staff',
      },
      'main',
      playlist,
    );
    expect(record.sponsors).toEqual(['阿里巴巴 / Alibaba']);
    expect(record.cutShort).toBe(true);
    expect(record.day).toBe('1970-01-01');
  });

  it('has no sponsors for other slides, or a slide the playlist no longer has', () => {
    const played = {
      slideType: 'announcement',
      presentedAt: 0,
      endedAt: 1,
      shownMs: 1,
      reason: 'reload',
    } as const;
    expect(impressionRecord({ ...played, slideId: 'note' }, 'main', playlist).sponsors).toEqual([]);
    expect(impressionRecord({ ...played, slideId: 'gone' }, 'main', playlist).sponsors).toEqual([]);
    expect(impressionRecord({ ...played, slideId: 'gone' }, 'main', null).tz).toBe('UTC');
  });
});

describe('textName', () => {
  it('joins the languages in event order, then the others', () => {
    expect(textName('Plain', ['zh'])).toBe('Plain');
    expect(textName({ en: 'Tencent', ja: 'テンセント', zh: '腾讯' }, ['zh', 'en'])).toBe(
      '腾讯 / Tencent / テンセント',
    );
    expect(textName({ en: 'Same', zh: 'Same' }, ['zh', 'en'])).toBe('Same');
  });
});
