import type { Session, Text } from '../playlist/types';
import type { FeedFormat, FeedProblem, ParsedFeed } from './feedTypes';
import { parseFeed } from './parseFeed';
import { toSessions } from './toSessions';

/** What reading a feed into playlist sessions needs. */
export type ReadAgendaOptions = Readonly<{
  /** The event timezone: the playlist's `event.timezone`; also the zone of times the feed writes without one. */
  timeZone: string;
  format?: FeedFormat | undefined;
  rooms?: Readonly<Record<string, Text>> | undefined;
}>;

/** A feed read into playlist sessions, or why it could not be read. */
export type AgendaResult =
  | Readonly<{
      ok: true;
      feed: Omit<ParsedFeed, 'sessions' | 'problems'>;
      sessions: readonly Session[];
      problems: readonly FeedProblem[];
    }>
  | Readonly<{ ok: false; message: string }>;

/** Reads a schedule feed (frab XML, frab/pretalx JSON, iCalendar) into playlist sessions. Never throws. */
export function readAgenda(text: string, options: ReadAgendaOptions): AgendaResult {
  const parsed = parseFeed(text, options);
  if (!parsed.ok) return parsed;
  const { sessions: feedSessions, problems: feedProblems, ...feed } = parsed.feed;
  const mapped = toSessions(feedSessions, options);
  return { ok: true, feed, sessions: mapped.sessions, problems: [...feedProblems, ...mapped.problems] };
}
