import type { Session, Text } from '../../core/playlist/types';

/** `HH:MM` of a `YYYY-MM-DDTHH:MM` local date-time. */
export function clockOf(localDateTime: string): string {
  return localDateTime.slice(11, 16);
}

/** The day of a local date-time in both languages, e.g. {zh: "12月20日", en: "20 Dec"}. */
export function dayOf(localDateTime: string): { zh: string; en: string } {
  const month = Number(localDateTime.slice(5, 7));
  const day = Number(localDateTime.slice(8, 10));
  const en = new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
  return { zh: `${month}月${day}日`, en: `${day} ${en}` };
}

/** "12月20日 09:30–10:15" / "20 Dec 09:30–10:15" for a start and an optional end. */
export function spanText(starts: string, ends: string | undefined): Text {
  const day = dayOf(starts);
  const hours = ends === undefined ? clockOf(starts) : `${clockOf(starts)}–${clockOf(ends)}`;
  return { zh: `${day.zh} ${hours}`, en: `${day.en} ${hours}` };
}

/** The session with `id`, if the view has it. */
export function sessionById(sessions: readonly Session[], id: string | undefined): Session | undefined {
  return id === undefined ? undefined : sessions.find((s) => s.id === id);
}

// Why: building an Intl.DateTimeFormat costs far more than formatting with one, and clocks format every second.
const formats = new Map<string, Intl.DateTimeFormat>();

/** One shared formatter per locale and options. */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** Hours and minutes of `instant` on the clocks of `timeZone`, e.g. "14:05". */
export function zonedClock(instant: number, timeZone: string, seconds = false): string {
  return formatter('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(instant);
}

/** The date of `instant` in `timeZone`, written for one language, e.g. "2018年12月20日 星期四". */
export function zonedDate(instant: number, timeZone: string, lang: string): string {
  return formatter(lang === 'zh' ? 'zh-CN' : lang, {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
  }).format(instant);
}
