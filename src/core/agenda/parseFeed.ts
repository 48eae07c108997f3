import type { FeedFormat, FeedOptions, FeedResult } from './feedTypes';
import { parseFrabJson } from './frabJson';
import { parseFrabXml } from './frabXml';
import { parseICal } from './icalFeed';
import { assertNever } from '../assertNever';

/** The format of a feed from its first characters: `BEGIN:VCALENDAR`, `<…<schedule`, or `{`; null: none of them. */
export function detectFormat(text: string): FeedFormat | null {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCALENDAR/i.test(head)) return 'ical';
  if (head.startsWith('{')) return 'frab-json';
  if (head.startsWith('<')) return 'frab-xml';
  return null;
}

/** Reads a schedule feed in `format`, or in the format its content shows. Never throws. */
export function parseFeed(
  text: string,
  options: FeedOptions & Readonly<{ format?: FeedFormat | undefined }>,
): FeedResult {
  const format = options.format ?? detectFormat(text);
  if (format === null) {
    return {
      ok: false,
      message:
        'not a schedule Marquee reads: expected frab XML (<schedule>), frab/pretalx JSON ({"schedule": …}) or iCalendar (BEGIN:VCALENDAR); give --format if it is one of them',
    };
  }
  const body = text.replace(/^\uFEFF/, '');
  try {
    switch (format) {
      case 'frab-xml':
        return parseFrabXml(body, options);
      case 'frab-json':
        return parseFrabJson(body, options);
      case 'ical':
        return parseICal(body, options);
      default:
        return assertNever(format);
    }
  } catch (err) {
    // Why: the parsers check what they read, but a library bug on odd input must not take the host down.
    return {
      ok: false,
      message: `could not read the ${format} feed: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
