import ICAL from 'ical.js';
import { isKnownTimeZone, zonedToInstant } from '../time/zonedTime';

const MINUTE_MS = 60_000;

/**
 * Minutes of a feed duration: `01:30`, `1:00`, `0:45:00` (hours:minutes[:seconds]), an ISO 8601 duration
 * such as `PT90M` or `P1DT2H`, or a plain number of minutes; null when it is none of these or negative.
 */
export function parseDuration(value: string): number | null {
  const text = value.trim();
  const clock = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]) + Number(clock[3] ?? 0) / 60;
  if (/^\d{1,4}$/.test(text)) return Number(text);
  if (/^[+]?P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/.test(text)) {
    return ICAL.Duration.fromString(text).toSeconds() / 60;
  }
  return null;
}

/** `YYYY-MM-DDTHH:MM[:SS[.fff]]` with an optional `Z` or `±HH:MM` offset. */
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The instant of an ISO date-time: its own offset when it has one, else the local time in `timeZone`;
 * null when it is not a date-time or names a day or hour that does not exist.
 */
export function parseDateTime(value: string, timeZone: string): number | null {
  const m = ISO_DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [, date = '', hh = '', mm = '', ss, offset] = m;
  const hours = Number(hh);
  const minutes = Number(mm);
  if (hours > 23 || minutes > 59 || Number(ss ?? 0) > 59) return null;
  const day = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== date) return null;
  const seconds = Number(ss ?? 0) * 1000;
  if (offset === undefined) return zonedToInstant(date, hours * 60 + minutes, timeZone) + seconds;
  return day + (hours * 60 + minutes) * MINUTE_MS + seconds - offsetOf(offset) * MINUTE_MS;
}

/** Minutes east of UTC of `Z`, `+01:00`, `-0400`. */
function offsetOf(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** The offset (minutes east of UTC) a date-time is written with, or null when it has none. */
export function writtenOffset(value: string): number | null {
  const offset = ISO_DATE_TIME.exec(value.trim())?.[5];
  return offset === undefined ? null : offsetOf(offset);
}

/**
 * An IANA zone for a fixed offset in whole hours (`Etc/GMT-1` is UTC+01:00; the sign is POSIX's), or
 * null for offsets such as +05:30 that have no such zone.
 */
export function zoneOfOffset(minutes: number): string | null {
  if (minutes === 0) return 'UTC';
  if (minutes % 60 !== 0 || Math.abs(minutes) > 14 * 60) return null;
  const hours = -minutes / 60;
  return `Etc/GMT${hours > 0 ? '+' : ''}${hours}`;
}

/** `name` when it is an IANA zone this runtime knows, else null. */
export function knownZone(name: string | null): string | null {
  return name !== null && name.length > 0 && isKnownTimeZone(name) ? name : null;
}

/** A feed value as trimmed text: strings, numbers, and XML text nodes (`{"#text": …}`); else null. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') {
    const t = value.trim();
    return t.length > 0 ? t : null;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'object' && value !== null && '#text' in value) return textOf(value['#text']);
  return null;
}

/** A value as a list: arrays as they are, null and undefined as none, anything else as one item. */
export function listOf(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** Whether `value` is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The zone implied by the first of `values` written with an offset (31C3 gives `+01:00` and no zone name). */
export function zoneOfFirstOffset(values: readonly (string | null)[]): string | null {
  for (const value of values) {
    const offset = value === null ? null : writtenOffset(value);
    if (offset !== null) return zoneOfOffset(offset);
  }
  return null;
}

/** The `HH:MM` of an ISO date-time as written (`2014-12-27T11:00:00+01:00` → `11:00`), or null. */
export function timeOfDayIn(value: string | null): string | null {
  return value === null ? null : (/T(\d{2}:\d{2})/.exec(value)?.[1] ?? null);
}
