import { z } from 'zod';
import { LANGUAGE_CODE, LANGUAGE_CODE_MESSAGE, TEXT_LIMITS } from './textLimits';

/** A language code such as `zh`, `en` or `pt-BR`. */
export const LanguageCode = z.string().regex(LANGUAGE_CODE, LANGUAGE_CODE_MESSAGE);

export { TEXT_LIMITS };

/** The error of a string over `max` characters: its length, the limit and the fix. */
export function tooLong(max: number): Readonly<{ error: (issue: { input?: unknown }) => string }> {
  return {
    error: (issue) =>
      `is too long: ${typeof issue.input === 'string' ? issue.input.length : 'more than'} characters (at most ${max}); shorten it`,
  };
}

/** A string of at most `max` characters; a longer one is refused with its length and the limit. */
export function boundedString(max: number): z.ZodString {
  return z.string().max(max, tooLong(max));
}

const TextString = boundedString(TEXT_LIMITS.text).min(1, 'must not be empty');

/** Text a person reads: one string for every language, or one string per language. */
export const Text = z.union([
  TextString,
  z
    .record(LanguageCode, TextString)
    .refine((o) => Object.keys(o).length > 0, 'needs at least one language, e.g. {"zh": "…", "en": "…"}'),
]);

/** A short plain string (a room, a label, a font list), at most `TEXT_LIMITS.text` characters. */
export const ShortString = boundedString(TEXT_LIMITS.text);

/** A colour as CSS hex: `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa`. */
export const Color = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, 'must be a hex colour such as "#1e6bff"');

/** An asset: a path relative to the playlist file, or an `https://` URL. */
export const AssetRef = boundedString(TEXT_LIMITS.ref)
  .min(1, 'must not be empty')
  .refine((s) => !/^[a-z][a-z0-9+.-]*:/i.test(s) || /^https:\/\//i.test(s), {
    message: 'must be a path relative to the playlist (e.g. "images/logo.svg") or an https:// URL',
  });

/** A slide or session id: letters, digits, `-` and `_`, starting with a letter or digit. */
export const Id = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
    'must be 1–64 letters, digits, "-" or "_", starting with a letter or digit',
  );

/** A calendar date in the event timezone, `YYYY-MM-DD`. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD, e.g. "2018-12-20"')
  .refine(isRealDate, { message: 'is not a real calendar date' });

/** A time of day in the event timezone, `HH:MM` (24-hour; `24:00` is the end of the day). */
export const TimeOfDay = z
  .string()
  .regex(
    /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/,
    'must be a time of day written HH:MM (00:00–24:00), e.g. "09:30"',
  );

/** A date and time in the event timezone without an offset, `YYYY-MM-DDTHH:MM`. */
export const LocalDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d$/,
    'must be a local date and time written YYYY-MM-DDTHH:MM in the event timezone, e.g. "2018-12-20T09:30"',
  )
  .refine((s) => isRealDate(s.slice(0, 10)), { message: 'is not a real calendar date' });

/** Weekday names accepted in `when.weekdays`. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** A slide transition. */
export const TRANSITIONS = ['fade', 'slide', 'zoom', 'cut'] as const;
export const Transition = z.enum(TRANSITIONS);

/** A duration in seconds, 1–3600. */
export const Seconds = z
  .number({ error: 'must be a number of seconds' })
  .min(1, 'must be between 1 and 3600 seconds')
  .max(3600, 'must be between 1 and 3600 seconds');

/** Whether `YYYY-MM-DD` names a day that exists in the proleptic Gregorian calendar. */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}
