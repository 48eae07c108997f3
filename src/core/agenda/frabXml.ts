import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FeedOptions, FeedProblem, FeedResult, FeedSession } from './feedTypes';
import { isRecord, knownZone, listOf, textOf, timeOfDayIn, zoneOfFirstOffset } from './feedValues';
import { frabSession } from './frabEvent';

const ARRAYS = new Set([
  'schedule.day',
  'schedule.day.room',
  'schedule.day.room.event',
  'schedule.day.room.event.persons.person',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (_name, jpath) => typeof jpath === 'string' && ARRAYS.has(jpath),
});

/** Reads a frab schedule XML (`<schedule><conference>…<day><room><event>`), as frab and pretalx export it. */
export function parseFrabXml(text: string, options: FeedOptions): FeedResult {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    return { ok: false, message: `not well-formed XML at line ${line}, column ${col}: ${msg}` };
  }
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch (err) {
    return { ok: false, message: `not readable XML: ${err instanceof Error ? err.message : String(err)}` };
  }
  const schedule = isRecord(doc) ? doc.schedule : undefined;
  if (!isRecord(schedule)) {
    return { ok: false, message: 'not a frab schedule: the XML has no <schedule> element at the top' };
  }
  const conference = isRecord(schedule.conference) ? schedule.conference : {};
  const days = listOf(schedule.day).filter(isRecord);
  const declared = knownZone(textOf(conference.time_zone_name));
  const implied = declared ?? zoneOfFirstOffset(days.map((day) => textOf(day['@_start'])));
  const timeZone = implied ?? options.timeZone;
  const sessions: FeedSession[] = [];
  const problems: FeedProblem[] = [];
  days.forEach((day, d) => {
    const dayName = `day ${textOf(day['@_index']) ?? d + 1}`;
    const dayStart = textOf(day['@_start']);
    const frabDay = {
      date: textOf(day['@_date']),
      start: timeOfDayIn(dayStart),
    };
    for (const room of listOf(day.room).filter(isRecord)) {
      const roomName = textOf(room['@_name']);
      listOf(room.event).forEach((event, e) => {
        const id = isRecord(event) ? textOf(event['@_id']) : null;
        const where = `${dayName}, room "${roomName ?? '?'}", event ${id ?? `#${e + 1}`}`;
        if (!isRecord(event)) {
          problems.push({ where, message: 'an empty <event>: skipped' });
          return;
        }
        const result = frabSession(
          {
            where,
            id,
            guid: event['@_guid'],
            date: event.date,
            start: event.start,
            duration: event.duration,
            room: textOf(event.room) ?? roomName,
            title: event.title,
            track: event.track,
            language: event.language,
            state: event.state,
            speakers: listOf(isRecord(event.persons) ? event.persons.person : undefined)
              .map(textOf)
              .filter((n): n is string => n !== null),
          },
          frabDay,
          timeZone,
        );
        if (result.ok) sessions.push(result.session);
        else problems.push(result.problem);
      });
    }
  });
  if (days.length === 0) problems.push({ where: '<schedule>', message: 'no <day> elements: no sessions' });
  return {
    ok: true,
    feed: { format: 'frab-xml', title: textOf(conference.title), timeZone: implied, sessions, problems },
  };
}

/** The zone of the first day's written offset (31C3 gives `+01:00` and no zone name). */
