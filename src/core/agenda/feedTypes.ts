/** The schedule formats Marquee reads. */
export const FEED_FORMATS = ['frab-xml', 'frab-json', 'ical'] as const;

/** A schedule format: frab XML, frab/pretalx (c3voc) JSON or iCalendar. */
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** One session as the feed gives it, its times as instants (ms since the epoch, UTC). */
export type FeedSession = Readonly<{
  /** The feed's own id of the session (frab id or guid, iCal UID); null when it has none. */
  key: string | null;
  /** Where in the feed it is, for messages: `day 2, room "Saal 1", event 6561`. */
  where: string;
  title: string;
  speakers: readonly string[];
  room: string;
  track: string | null;
  language: string | null;
  startsAt: number;
  /** Null when the feed gives neither an end nor a duration. */
  endsAt: number | null;
  cancelled: boolean;
}>;

/** An entry of the feed that was skipped or changed, and why, as a person reads it. */
export type FeedProblem = Readonly<{ where: string; message: string }>;

/** A feed read: its sessions, what was skipped or odd and the timezone it declares. */
export type ParsedFeed = Readonly<{
  format: FeedFormat;
  title: string | null;
  /** The IANA zone the feed declares (time_zone_name, X-WR-TIMEZONE, a TZID), or one its offsets imply; null: none. */
  timeZone: string | null;
  sessions: readonly FeedSession[];
  /** Entries skipped or read with a caveat, each saying which. */
  problems: readonly FeedProblem[];
}>;

/** A feed read, or why it could not be read at all. */
export type FeedResult = Readonly<{ ok: true; feed: ParsedFeed }> | Readonly<{ ok: false; message: string }>;

/** What every parser is told: the zone of times that carry no offset or zone of their own. */
export type FeedOptions = Readonly<{ timeZone: string }>;
