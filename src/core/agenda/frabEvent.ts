import { isRealDate } from '../playlist/fields';
import { nextDate } from '../time/zonedTime';
import { cancelledTitle } from './cancelled';
import type { FeedProblem, FeedSession } from './feedTypes';
import { parseDateTime, parseDuration, textOf } from './feedValues';

/** One frab event with its fields as the XML or the JSON gives them (not checked yet). */
export type FrabEventFields = Readonly<{
  where: string;
  id: unknown;
  guid: unknown;
  date: unknown;
  start: unknown;
  duration: unknown;
  /** The event's own room, else the room it is listed under. */
  room: unknown;
  title: unknown;
  track: unknown;
  language: unknown;
  state: unknown;
  speakers: readonly string[];
}>;

/** The day an event is listed under: its date and the time of day its window starts (`HH:MM`). */
export type FrabDay = Readonly<{ date: string | null; start: string | null }>;

/** A session, or why the event was skipped. */
export type FrabEventResult =
  | Readonly<{ ok: true; session: FeedSession }>
  | Readonly<{ ok: false; problem: FeedProblem }>;

const CANCELLED_STATES = new Set(['canceled', 'cancelled', 'withdrawn', 'rejected']);

/**
 * The session of one frab event: the start from `date` (with its offset, else local in `timeZone`) or
 * from the day's date and `start` (a start before the day window's start is on the next morning, as
 * frab days run past midnight), the end from `duration`.
 */
export function frabSession(fields: FrabEventFields, day: FrabDay, timeZone: string): FrabEventResult {
  const where = fields.where;
  const skip = (message: string): FrabEventResult => ({ ok: false, problem: { where, message } });
  const rawTitle = textOf(fields.title);
  if (rawTitle === null) return skip('no title: skipped');
  const room = textOf(fields.room);
  if (room === null) return skip('no room: skipped');
  const startsAt = startOf(fields, day, timeZone);
  if (startsAt === 'missing') return skip('no start (neither "date" nor "start"): skipped');
  if (typeof startsAt === 'string') return skip(`${startsAt}: skipped`);
  const durationText = textOf(fields.duration);
  const minutes = durationText === null ? null : parseDuration(durationText);
  if (durationText !== null && minutes === null) {
    return skip(`duration "${durationText}" is not HH:MM or an ISO duration such as PT90M: skipped`);
  }
  const { cancelled, title } = cancelledTitle(rawTitle);
  const state = textOf(fields.state)?.toLowerCase() ?? '';
  return {
    ok: true,
    session: {
      key: textOf(fields.id) ?? textOf(fields.guid),
      where,
      title,
      speakers: fields.speakers,
      room,
      track: textOf(fields.track),
      language: textOf(fields.language),
      startsAt,
      endsAt: minutes === null || minutes === 0 ? null : startsAt + Math.round(minutes * 60_000),
      cancelled: cancelled || CANCELLED_STATES.has(state),
    },
  };
}

function startOf(fields: FrabEventFields, day: FrabDay, timeZone: string): number | string {
  const date = textOf(fields.date);
  if (date !== null) {
    const at = parseDateTime(date, timeZone);
    return at ?? `date "${date}" is not a date and time such as 2024-12-27T11:00:00+01:00`;
  }
  const start = textOf(fields.start);
  if (start === null || day.date === null) return 'missing';
  if (!isRealDate(day.date)) return `the day's date "${day.date}" is not a date YYYY-MM-DD`;
  const m = /^(\d{1,2}):(\d{2})$/.exec(start);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return `start "${start}" is not a time HH:MM`;
  const pastMidnight = day.start !== null && start.padStart(5, '0') < day.start;
  const local = `${pastMidnight ? nextDate(day.date) : day.date}T${start.padStart(5, '0')}`;
  return parseDateTime(local, timeZone) ?? `start "${start}" on ${day.date} is not a time`;
}
