import { tzOffset } from '@date-fns/tz';

/** A moment as the clocks of one timezone show it. */
export type ZonedParts = Readonly<{
  /** `YYYY-MM-DD` in the zone. */
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes since local midnight, 0–1439. */
  minute: number;
}>;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** UTC offset of `timeZone` at `instant`, in minutes (480 for Asia/Shanghai). */
export function offsetMinutes(timeZone: string, instant: number): number {
  const offset = tzOffset(timeZone, new Date(instant));
  return Number.isNaN(offset) ? 0 : offset;
}

/** The local date, weekday and minute of day of `instant` in `timeZone`. */
export function zonedParts(instant: number, timeZone: string): ZonedParts {
  const local = instant + offsetMinutes(timeZone, instant) * MINUTE_MS;
  const day = Math.floor(local / DAY_MS);
  const d = new Date(day * DAY_MS);
  return {
    date: d.toISOString().slice(0, 10),
    weekday: d.getUTCDay(),
    minute: Math.floor((local - day * DAY_MS) / MINUTE_MS),
  };
}

/** The instant at which clocks in `timeZone` show `date` (YYYY-MM-DD) at `minute` minutes past midnight. */
export function zonedToInstant(date: string, minute: number, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minute * MINUTE_MS;
  // Why: the offset depends on the instant we are looking for; two rounds settle it, also around DST changes.
  let guess = wall - offsetMinutes(timeZone, wall) * MINUTE_MS;
  guess = wall - offsetMinutes(timeZone, guess) * MINUTE_MS;
  return guess;
}

/** The instant of a `YYYY-MM-DDTHH:MM` local date-time in `timeZone`. */
export function localDateTimeToInstant(localDateTime: string, timeZone: string): number {
  const hours = Number(localDateTime.slice(11, 13));
  const minutes = Number(localDateTime.slice(14, 16));
  return zonedToInstant(localDateTime.slice(0, 10), hours * 60 + minutes, timeZone);
}

/** The `YYYY-MM-DDTHH:MM` that clocks in `timeZone` show at `instant` (seconds dropped). */
export function instantToLocalDateTime(instant: number, timeZone: string): string {
  const { date, minute } = zonedParts(instant, timeZone);
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}`;
}

/** The `YYYY-MM-DD` of the day after `date`. */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Whether `timeZone` is an IANA name this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
