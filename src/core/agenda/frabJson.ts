import type { FeedOptions, FeedProblem, FeedResult, FeedSession } from './feedTypes';
import { isRecord, knownZone, listOf, textOf, timeOfDayIn, zoneOfFirstOffset } from './feedValues';
import { frabSession } from './frabEvent';

/** Reads the frab/pretalx schedule JSON (c3voc: `{"schedule":{"conference":{"days":[{"rooms":{…}}]}}}`). */
export function parseFrabJson(text: string, options: FeedOptions): FeedResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const schedule = isRecord(doc) ? doc.schedule : undefined;
  const conference = isRecord(schedule) ? schedule.conference : undefined;
  if (!isRecord(conference)) {
    return {
      ok: false,
      message: 'not a frab/pretalx schedule JSON: it needs {"schedule": {"conference": {"days": […]}}}',
    };
  }
  const days = listOf(conference.days).filter(isRecord);
  const declared = knownZone(textOf(conference.time_zone_name));
  const implied = declared ?? zoneOfFirstOffset(days.map((day) => textOf(day.day_start)));
  const timeZone = implied ?? options.timeZone;
  const sessions: FeedSession[] = [];
  const problems: FeedProblem[] = [];
  days.forEach((day, d) => {
    const dayName = `day ${textOf(day.index) ?? d + 1}`;
    const dayStart = textOf(day.day_start);
    const frabDay = {
      date: textOf(day.date),
      start: timeOfDayIn(dayStart),
    };
    const rooms = isRecord(day.rooms) ? Object.entries(day.rooms) : [];
    for (const [roomName, events] of rooms) {
      listOf(events).forEach((event, e) => {
        const id = isRecord(event) ? textOf(event.id) : null;
        const where = `${dayName}, room "${roomName}", event ${id ?? `#${e + 1}`}`;
        if (!isRecord(event)) {
          problems.push({ where, message: 'not an object: skipped' });
          return;
        }
        const result = frabSession(
          {
            where,
            id,
            guid: event.guid,
            date: event.date,
            start: event.start,
            duration: event.duration,
            room: textOf(event.room) ?? roomName,
            title: event.title,
            track: isRecord(event.track) ? event.track.name : event.track,
            language: event.language,
            state: event.state,
            speakers: listOf(event.persons)
              .map((p) =>
                isRecord(p)
                  ? (textOf(p.public_name) ?? textOf(p.name) ?? textOf(p.full_public_name))
                  : textOf(p),
              )
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
  if (days.length === 0) problems.push({ where: 'conference', message: 'no "days": no sessions' });
  return {
    ok: true,
    feed: { format: 'frab-json', title: textOf(conference.title), timeZone: implied, sessions, problems },
  };
}
