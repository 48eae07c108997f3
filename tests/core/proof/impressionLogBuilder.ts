import type { ImpressionRecord } from '../../../src/core/proof/impressionRecord';

/** An impression record on `day` (Beijing) at `hhmm`, shown `seconds`, with the given slide and sponsors. */
export function record(
  day: string,
  hhmm: string,
  screen: string,
  slideId: string,
  sponsors: readonly string[],
  seconds: number,
  cutShort = false,
): ImpressionRecord {
  const start = Date.parse(`${day}T${hhmm}:00+08:00`);
  return {
    v: 1,
    day,
    tz: 'Asia/Shanghai',
    screen,
    slideId,
    slideType: slideId.startsWith('wall') ? 'sponsors' : 'practice',
    sponsors: [...sponsors],
    start: new Date(start).toISOString(),
    end: new Date(start + seconds * 1000).toISOString(),
    seconds,
    cutShort,
    reason: cutShort ? 'staff' : 'time-up',
  };
}
