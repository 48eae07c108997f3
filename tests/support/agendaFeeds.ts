import { XMLBuilder } from 'fast-xml-parser';
import ICAL from 'ical.js';

/** A talk as a test writes it into a feed: start as an instant, length in minutes. */
export type FeedTalk = Readonly<{
  id: string;
  title: string;
  room: string;
  speakers: readonly string[];
  track: string | null;
  startsAt: number;
  minutes: number;
}>;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:MM:SS±HH:MM` of `instant` at a fixed `offsetMinutes`. */
function isoAt(instant: number, offsetMinutes: number): string {
  const d = new Date(instant + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${d.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function hhmm(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Talks grouped by the day (at `offsetMinutes`) and room they are in, days in order. */
function byDayAndRoom(
  talks: readonly FeedTalk[],
  offsetMinutes: number,
): Map<string, Map<string, FeedTalk[]>> {
  const days = new Map<string, Map<string, FeedTalk[]>>();
  for (const t of [...talks].sort((a, b) => a.startsAt - b.startsAt)) {
    const date = isoAt(t.startsAt, offsetMinutes).slice(0, 10);
    const rooms = days.get(date) ?? new Map<string, FeedTalk[]>();
    rooms.set(t.room, [...(rooms.get(t.room) ?? []), t]);
    days.set(date, rooms);
  }
  return days;
}

/** A frab schedule XML of `talks`, times written at `offsetMinutes` (as frab does, with `<date>` and `<start>`). */
export function frabXmlOf(talks: readonly FeedTalk[], offsetMinutes: number, timeZoneName?: string): string {
  const days = [...byDayAndRoom(talks, offsetMinutes)].map(([date, rooms], i) => ({
    '@_index': String(i + 1),
    '@_date': date,
    room: [...rooms].map(([name, list]) => ({
      '@_name': name,
      event: list.map((t) => ({
        '@_id': t.id,
        '@_guid': `guid-${t.id}`,
        date: isoAt(t.startsAt, offsetMinutes),
        start: isoAt(t.startsAt, offsetMinutes).slice(11, 16),
        duration: hhmm(t.minutes),
        room: t.room,
        title: t.title,
        track: t.track ?? '',
        language: 'en',
        persons: { person: t.speakers.map((s, k) => ({ '@_id': String(k), '#text': s })) },
      })),
    })),
  }));
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true });
  const conference = { title: 'Test conference', ...(timeZoneName ? { time_zone_name: timeZoneName } : {}) };
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ schedule: { version: '1', conference, day: days } })}`;
}

/** The frab/pretalx (c3voc) schedule JSON of `talks`. */
export function frabJsonOf(talks: readonly FeedTalk[], offsetMinutes: number, timeZoneName?: string): string {
  const days = [...byDayAndRoom(talks, offsetMinutes)].map(([date, rooms], i) => ({
    index: i + 1,
    date,
    rooms: Object.fromEntries(
      [...rooms].map(([name, list]) => [
        name,
        list.map((t) => ({
          id: Number.isNaN(Number(t.id)) ? t.id : Number(t.id),
          guid: `guid-${t.id}`,
          date: isoAt(t.startsAt, offsetMinutes),
          start: isoAt(t.startsAt, offsetMinutes).slice(11, 16),
          duration: hhmm(t.minutes),
          room: t.room,
          title: t.title,
          subtitle: null,
          track: t.track,
          language: 'en',
          persons: t.speakers.map((s, k) => ({ id: k, public_name: s })),
        })),
      ]),
    ),
  }));
  return JSON.stringify({
    schedule: {
      version: '1',
      conference: { title: 'Test conference', time_zone_name: timeZoneName ?? null, days },
    },
  });
}

/** An iCalendar of `talks` in UTC, the length as DURATION or DTEND alternately. */
export function icalOf(talks: readonly FeedTalk[]): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', '-//Marquee tests//EN');
  talks.forEach((t, i) => {
    const vevent = new ICAL.Component('vevent');
    vevent.addPropertyWithValue('uid', t.id);
    vevent.addPropertyWithValue('summary', t.title);
    vevent.addPropertyWithValue('location', t.room);
    const start = ICAL.Time.fromJSDate(new Date(t.startsAt), true);
    vevent.addPropertyWithValue('dtstart', start);
    if (i % 2 === 0) {
      vevent.addPropertyWithValue('duration', ICAL.Duration.fromSeconds(t.minutes * 60));
    } else {
      vevent.addPropertyWithValue(
        'dtend',
        ICAL.Time.fromJSDate(new Date(t.startsAt + t.minutes * 60_000), true),
      );
    }
    if (t.track !== null) vevent.addPropertyWithValue('categories', t.track);
    calendar.addSubcomponent(vevent);
  });
  return calendar.toString();
}
