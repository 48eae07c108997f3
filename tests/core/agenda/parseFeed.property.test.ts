import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEED_FORMATS } from '../../../src/core/agenda/feedTypes';
import { parseFeed } from '../../../src/core/agenda/parseFeed';
import { readAgenda } from '../../../src/core/agenda/readAgenda';
import { type FeedTalk, frabJsonOf, frabXmlOf, icalOf } from '../../support/agendaFeeds';

const DAY = 86_400_000;
const base = Date.parse('2025-03-17T00:00:00Z');

/** A schedule: talks in a few rooms over three days, whole minutes, ids unique. */
const schedule = fc
  .array(
    fc.record({
      title: fc
        .string({ minLength: 1, maxLength: 40 })
        .filter((t) => t.trim() === t && t.length > 0 && !/[\r\n\\]/.test(t)),
      room: fc.constantFrom('Saal 1', 'Hall B', '会议室 3', 'Room "Ada"'),
      speakers: fc.array(fc.constantFrom('Host', 'Chair', '主持人', 'Panel lead'), { maxLength: 3 }),
      track: fc.option(fc.constantFrom('Security', 'Art & Culture', '开源'), { nil: null }),
      minute: fc.integer({ min: 0, max: 3 * 24 * 60 - 1 }),
      minutes: fc.integer({ min: 5, max: 240 }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((talks): FeedTalk[] =>
    talks.map((t, i) => ({ ...t, id: String(1000 + i), startsAt: base + t.minute * 60_000 })),
  );

/** The sessions a correct reader must make of `talks` in UTC. */
function expected(talks: readonly FeedTalk[]) {
  const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  return [...talks]
    .sort((a, b) => a.startsAt - b.startsAt || a.room.localeCompare(b.room))
    .map((t) => ({
      id: t.id,
      title: t.title,
      room: t.room,
      starts: local(t.startsAt),
      ends: local(t.startsAt + t.minutes * 60_000),
    }));
}

describe('schedule feeds (properties)', () => {
  it('a generated schedule reads back the same from frab XML, frab JSON and iCalendar', () => {
    fc.assert(
      fc.property(schedule, fc.constantFrom(0, 60, -240, 330), (talks, offset) => {
        const want = expected(talks);
        for (const text of [frabXmlOf(talks, offset), frabJsonOf(talks, offset), icalOf(talks)]) {
          const result = readAgenda(text, { timeZone: 'UTC' });
          if (!result.ok) throw new Error(result.message);
          expect(result.problems).toEqual([]);
          expect(
            result.sessions.map(({ id, title, room, starts, ends }) => ({ id, title, room, starts, ends })),
          ).toEqual(want);
        }
        const xml = readAgenda(frabXmlOf(talks, offset), { timeZone: 'UTC' });
        const json = readAgenda(frabJsonOf(talks, offset), { timeZone: 'UTC' });
        if (!xml.ok || !json.ok) throw new Error('not read');
        expect(xml.sessions).toEqual(json.sessions);
      }),
      { numRuns: 60 },
    );
  });

  it('never throws, whatever the bytes, in every format', () => {
    const noise = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({
        unit: fc.constantFrom(...'<>/="\' schedule day room event date:{}[],BEGIN:VEVENT\r\n'.split('')),
        maxLength: 300,
      }),
      fc.uint8Array({ maxLength: 300 }).map((b) => new TextDecoder().decode(b)),
    );
    fc.assert(
      fc.property(noise, fc.constantFrom(undefined, ...FEED_FORMATS), (text, format) => {
        const result = parseFeed(text, { timeZone: 'Europe/Berlin', format });
        if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on a real feed with a slice cut out or junk put in', () => {
    const talks: FeedTalk[] = [0, 1, 2].map((i) => ({
      id: String(i + 1),
      title: `Talk ${i}`,
      room: 'Saal 1',
      speakers: ['Host'],
      track: null,
      startsAt: base + i * DAY,
      minutes: 30,
    }));
    const feeds = [frabXmlOf(talks, 60), frabJsonOf(talks, 60), icalOf(talks)];
    fc.assert(
      fc.property(
        fc.constantFrom(...feeds),
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.string({ maxLength: 12 }),
        (feed, at, cut, junk) => {
          const i = at % (feed.length + 1);
          const text = feed.slice(0, i) + junk + feed.slice(i + cut);
          const result = readAgenda(text, { timeZone: 'Europe/Berlin' });
          if (result.ok) for (const s of result.sessions) expect(s.ends > s.starts).toBe(true);
          else expect(result.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 400 },
    );
  });
});
