import { Id, LanguageCode } from '../playlist/fields';
import { Session as SessionSchema } from '../playlist/schema';
import type { Session, Text } from '../playlist/types';
import { instantToLocalDateTime } from '../time/zonedTime';
import type { FeedProblem, FeedSession } from './feedTypes';

/** How a feed's sessions become the playlist's: the event timezone and the names rooms get on screen. */
export type SessionOptions = Readonly<{
  timeZone: string;
  /** Feed room name → room on screen (one name, or one per language). Rooms not listed keep their name. */
  rooms?: Readonly<Record<string, Text>> | undefined;
}>;

/** The playlist's sessions from a feed, in order of start, and every entry left out or changed. */
export type SessionsResult = Readonly<{ sessions: readonly Session[]; problems: readonly FeedProblem[] }>;

/** Why: a session without an end is shown until the next one in its room, but never longer than this. */
const OPEN_END_MS = 60 * 60_000;

/**
 * The playlist sessions of `feed`: times in the event timezone (to the minute), rooms mapped, stable
 * unique ids from the feed's own ids, an end for sessions without one (the next session in the room,
 * at most an hour), each checked against the playlist schema.
 */
export function toSessions(feed: readonly FeedSession[], options: SessionOptions): SessionsResult {
  const sorted = [...feed].sort((a, b) => a.startsAt - b.startsAt || a.room.localeCompare(b.room));
  const problems: FeedProblem[] = [];
  const sessions: Session[] = [];
  const ids = new Set<string>();
  sorted.forEach((s, i) => {
    const endsAt = s.endsAt ?? openEnd(sorted, i);
    if (s.endsAt === null) {
      problems.push({
        where: s.where,
        message: `no end or duration: shown until ${instantToLocalDateTime(endsAt, options.timeZone).slice(11)}`,
      });
    }
    const starts = instantToLocalDateTime(s.startsAt, options.timeZone);
    const ends = instantToLocalDateTime(endsAt, options.timeZone);
    if (ends <= starts) {
      problems.push({ where: s.where, message: `ends (${ends}) before it starts (${starts}): skipped` });
      return;
    }
    const candidate = {
      id: uniqueId(idOf(s), ids),
      title: s.title,
      ...(s.speakers.length > 0 ? { speakers: s.speakers } : {}),
      room: options.rooms?.[s.room] ?? s.room,
      starts,
      ends,
      ...(s.track === null ? {} : { track: s.track }),
      ...(s.language !== null && LanguageCode.safeParse(s.language).success ? { language: s.language } : {}),
      ...(s.cancelled ? { cancelled: true } : {}),
    };
    const checked = SessionSchema.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      problems.push({ where: s.where, message: `${field} ${issue?.message ?? 'is not valid'}: skipped` });
      return;
    }
    ids.add(candidate.id);
    sessions.push(checked.data);
  });
  return { sessions, problems };
}

function openEnd(sorted: readonly FeedSession[], i: number): number {
  const s = sorted[i] as FeedSession;
  const next = sorted.slice(i + 1).find((o) => o.room === s.room && o.startsAt > s.startsAt);
  return Math.min(s.startsAt + OPEN_END_MS, next?.startsAt ?? Number.POSITIVE_INFINITY);
}

/** An id from the feed's own (`6561`, a guid, an iCal UID made safe), else from the start and title. */
function idOf(s: FeedSession): string {
  const raw = s.key ?? `${new Date(s.startsAt).toISOString().slice(0, 16)}-${s.title}`;
  if (Id.safeParse(raw).success) return raw;
  const safe = raw
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[-_]+/, '')
    .replace(/-+$/, '');
  const cut = safe.length > 64 || safe.length === 0 ? `${safe.slice(0, 55)}-${hash(raw)}` : safe;
  return /^[A-Za-z0-9]/.test(cut) ? cut : `s${cut}`.slice(0, 64);
}

function uniqueId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${id.slice(0, 64 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** FNV-1a of `text`, 8 hex digits: short ids stay apart when long ones are cut. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
