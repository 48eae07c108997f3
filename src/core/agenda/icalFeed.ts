import ICAL from 'ical.js';
import { cancelledTitle } from './cancelled';
import type { FeedOptions, FeedProblem, FeedResult, FeedSession } from './feedTypes';
import { knownZone, parseDateTime, parseDuration, textOf } from './feedValues';

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;

/** Reads an iCalendar file (VEVENTs with DTSTART and DTEND or DURATION, LOCATION as the room). */
export function parseICal(text: string, options: FeedOptions): FeedResult {
  let calendars: Component[];
  try {
    const jcal: unknown = ICAL.parse(text);
    const list = Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : (jcal as unknown[]);
    calendars = list.filter(Array.isArray).map((c) => new ICAL.Component(c));
  } catch (err) {
    return { ok: false, message: `not valid iCalendar: ${err instanceof Error ? err.message : String(err)}` };
  }
  const calendar = calendars.find((c) => c.name === 'vcalendar');
  if (calendar === undefined) return { ok: false, message: 'not an iCalendar file: no BEGIN:VCALENDAR' };
  const zones = new Map<string, Component>();
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    const tzid = textOf(vtimezone.getFirstPropertyValue('tzid'));
    if (tzid !== null) zones.set(tzid, vtimezone);
  }
  const declared =
    knownZone(textOf(calendar.getFirstPropertyValue('x-wr-timezone'))) ??
    [...zones.keys()].map(ianaName).find((z) => z !== null) ??
    null;
  const times = new TimeReader(zones, declared ?? options.timeZone);
  const sessions: FeedSession[] = [];
  const problems: FeedProblem[] = [];
  calendar.getAllSubcomponents('vevent').forEach((vevent, i) => {
    const result = readEvent(vevent, i, times);
    if ('problem' in result) problems.push(result.problem);
    else sessions.push(result.session);
    if ('note' in result && result.note !== undefined) problems.push(result.note);
  });
  if (sessions.length === 0 && problems.length === 0) {
    problems.push({ where: 'VCALENDAR', message: 'no VEVENT entries: no sessions' });
  }
  return {
    ok: true,
    feed: {
      format: 'ical',
      title: textOf(calendar.getFirstPropertyValue('x-wr-calname')),
      timeZone: declared,
      sessions,
      problems,
    },
  };
}

type EventResult =
  | Readonly<{ session: FeedSession; note?: FeedProblem }>
  | Readonly<{ problem: FeedProblem }>;

function readEvent(vevent: Component, index: number, times: TimeReader): EventResult {
  const uid = textOf(vevent.getFirstPropertyValue('uid'));
  const where = `VEVENT ${index + 1}${uid === null ? '' : ` (UID ${uid})`}`;
  const skip = (message: string): EventResult => ({ problem: { where, message: `${message}: skipped` } });
  const summary = textOf(vevent.getFirstPropertyValue('summary'));
  if (summary === null) return skip('no SUMMARY (title)');
  const room = textOf(vevent.getFirstPropertyValue('location'));
  if (room === null) return skip('no LOCATION (room)');
  const dtstart = vevent.getFirstProperty('dtstart');
  if (dtstart === null) return skip('no DTSTART');
  if (dtstart.type === 'date') return skip('an all-day entry (DTSTART is a date), not a session');
  const startsAt = times.instant(dtstart);
  if (typeof startsAt === 'string') return skip(`DTSTART ${startsAt}`);
  const dtend = vevent.getFirstProperty('dtend');
  const duration = textOf(rawValue(vevent.getFirstProperty('duration')));
  let endsAt: number | null = null;
  if (dtend !== null) {
    const end = times.instant(dtend);
    if (typeof end === 'string') return skip(`DTEND ${end}`);
    endsAt = end;
  } else if (duration !== null) {
    const minutes = parseDuration(duration);
    if (minutes === null) return skip(`DURATION "${duration}" is not an ISO duration such as PT90M`);
    endsAt = startsAt + Math.round(minutes * 60_000);
  }
  const status = textOf(vevent.getFirstPropertyValue('status'))?.toUpperCase();
  const marked = cancelledTitle(summary);
  const categories = vevent.getFirstProperty('categories')?.getValues() ?? [];
  const session: FeedSession = {
    key: uid,
    where,
    title: marked.title,
    speakers: [],
    room,
    track: textOf(categories[0]),
    language: null,
    startsAt,
    endsAt: endsAt === startsAt ? null : endsAt,
    cancelled: marked.cancelled || status === 'CANCELLED',
  };
  return vevent.getFirstProperty('rrule') === null
    ? { session }
    : { session, note: { where, message: 'repeats (RRULE): only its first time is taken' } };
}

/** The raw text of a property's first value, as written in the file. */
function rawValue(prop: Property | null): unknown {
  return prop === null ? null : prop.jCal[3];
}

/** The IANA zone a TZID names: as it is, or the Area/City at the end of a path such as `/mozilla.org/…/Europe/Berlin`. */
function ianaName(tzid: string): string | null {
  return (
    knownZone(tzid) ?? knownZone(/([A-Za-z_]+\/[A-Za-z_+-]+(?:\/[A-Za-z_+-]+)?)$/.exec(tzid)?.[1] ?? null)
  );
}

/** Turns DTSTART/DTEND values into instants: UTC, an IANA TZID by its name, a private TZID by its VTIMEZONE, floating in the feed's zone. */
class TimeReader {
  readonly #zones: ReadonlyMap<string, Component>;
  readonly #floating: string;
  readonly #private = new Map<string, InstanceType<typeof ICAL.Timezone>>();

  constructor(zones: ReadonlyMap<string, Component>, floating: string) {
    this.#zones = zones;
    this.#floating = floating;
  }

  /** The instant of a date-time property, or what is wrong with it. */
  instant(prop: Property): number | string {
    const raw = textOf(rawValue(prop));
    if (raw === null) return 'has no value';
    const tzidParam = prop.getParameter('tzid');
    const tzid = typeof tzidParam === 'string' ? tzidParam : null;
    const local = raw.endsWith('Z') ? raw : raw.replace(/[+-]\d{2}:?\d{2}$/, '');
    if (tzid === null || raw.endsWith('Z')) {
      return parseDateTime(local, this.#floating) ?? `"${raw}" is not a date and time`;
    }
    const iana = ianaName(tzid);
    if (iana !== null) return parseDateTime(local, iana) ?? `"${raw}" is not a date and time`;
    const zone = this.#zoneOf(tzid);
    if (zone === null) return `TZID "${tzid}" is neither an IANA zone nor defined by a VTIMEZONE in the file`;
    try {
      return this.#inZone(local, zone);
    } catch {
      return `"${raw}" is not a date and time`;
    }
  }

  #inZone(local: string, zone: InstanceType<typeof ICAL.Timezone>): number {
    const t = ICAL.Time.fromDateTimeString(local);
    t.zone = zone;
    return t.toUnixTime() * 1000;
  }

  #zoneOf(tzid: string): InstanceType<typeof ICAL.Timezone> | null {
    const cached = this.#private.get(tzid);
    if (cached !== undefined) return cached;
    const component = this.#zones.get(tzid);
    if (component === undefined) return null;
    const zone = new ICAL.Timezone(component);
    this.#private.set(tzid, zone);
    return zone;
  }
}
