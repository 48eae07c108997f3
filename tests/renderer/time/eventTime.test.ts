import { describe, expect, it } from 'vitest';
import { spanText, zonedClock, zonedDate } from '../../../src/renderer/time/eventTime';

const OPENING = Date.parse('2018-12-20T10:05:30+08:00');

describe('event clock and date', () => {
  it('tells the time on the clocks of each zone, whichever zone was asked before', () => {
    for (let round = 0; round < 2; round += 1) {
      expect(zonedClock(OPENING, 'Asia/Shanghai')).toBe('10:05');
      expect(zonedClock(OPENING, 'Europe/London')).toBe('02:05');
      expect(zonedClock(OPENING, 'Asia/Shanghai', true)).toBe('10:05:30');
      expect(zonedClock(OPENING, 'America/Los_Angeles')).toBe('18:05');
    }
  });

  it('writes the date in the language asked for, on the day of the zone', () => {
    expect(zonedDate(OPENING, 'Asia/Shanghai', 'zh')).toBe('2018年12月20日星期四');
    expect(zonedDate(OPENING, 'Asia/Shanghai', 'en')).toBe('Thursday, December 20, 2018');
    // 10:05 in Beijing is still the 19th in Los Angeles.
    expect(zonedDate(OPENING, 'America/Los_Angeles', 'en')).toBe('Wednesday, December 19, 2018');
  });

  it('spans a session in both languages', () => {
    expect(spanText('2018-12-20T09:30', '2018-12-20T10:15')).toEqual({
      zh: '12月20日 09:30–10:15',
      en: '20 Dec 09:30–10:15',
    });
  });
});
