import type { Session, Text } from '../../core/playlist/types';
import { localDateTimeToInstant, zonedParts } from '../../core/time/zonedTime';

/**
 * One room's line on the schedule: the session on now and the next one later today; both null when
 * the room had sessions today and all of them have ended.
 */
export type RoomLine = Readonly<{
  key: string;
  room: Text;
  now: Session | null;
  next: Session | null;
  /**
   * A cancelled session people would come for: the one in the room's slot now (when nothing else runs),
   * else the first one starting before `next`; null when there is none.
   */
  cancelled: Session | null;
}>;

/** A stable key for a room, whatever the order of its languages. */
export function roomKey(room: Text): string {
  return typeof room === 'string' ? room : JSON.stringify(Object.entries(room).sort());
}

function roomMatches(room: Text, wanted: readonly string[]): boolean {
  const names = typeof room === 'string' ? [room] : Object.values(room);
  return names.some((n) => wanted.includes(n));
}

/**
 * Now and next per room at `now` in `timeZone`, rooms in order of first appearance (only `rooms` when
 * given). A room is listed when it has a session today (local date) or one running now; "now" is the
 * running session that started last, "next" the first one starting after `now` on the same local day.
 * Ended sessions are never shown; a room whose sessions today have all ended has both null. Cancelled
 * sessions are never now or next; the one people would come for is `cancelled`.
 */
export function nowAndNext(
  sessions: readonly Session[],
  now: number,
  timeZone: string,
  rooms?: readonly string[],
): readonly RoomLine[] {
  const today = zonedParts(now, timeZone).date;
  const byRoom = new Map<string, { room: Text; sessions: Session[] }>();
  for (const s of sessions) {
    if (rooms !== undefined && !roomMatches(s.room, rooms)) continue;
    const key = roomKey(s.room);
    const entry = byRoom.get(key) ?? { room: s.room, sessions: [] };
    entry.sessions.push(s);
    byRoom.set(key, entry);
  }
  const start = (s: Session): number => localDateTimeToInstant(s.starts, timeZone);
  const end = (s: Session): number => localDateTimeToInstant(s.ends, timeZone);
  const lines: RoomLine[] = [];
  for (const [key, { room, sessions: list }] of byRoom) {
    const sorted = [...list].sort((a, b) => start(a) - start(b) || end(a) - end(b));
    const held = sorted.filter((s) => s.cancelled !== true);
    const off = sorted.filter((s) => s.cancelled === true);
    const running = held.filter((s) => start(s) <= now && now < end(s));
    const current = running[running.length - 1] ?? null;
    const next = held.find((s) => start(s) > now && s.starts.slice(0, 10) === today) ?? null;
    const cancelled =
      (current === null ? off.find((s) => start(s) <= now && now < end(s)) : undefined) ??
      off.find(
        (s) => start(s) > now && s.starts.slice(0, 10) === today && (next === null || start(s) < start(next)),
      ) ??
      null;
    const inUseToday = current !== null || sorted.some((s) => s.starts.slice(0, 10) === today);
    if (inUseToday) lines.push({ key, room, now: current, next, cancelled });
  }
  return lines;
}

/**
 * Splits `count` rows into the fewest pages of at most `perPage` rows, as evenly as possible (earlier
 * pages take the extra row): e.g. 7 rows, 4 a page → [[0,1,2,3],[4,5,6]]; 5 rows → [[0,1,2],[3,4]].
 */
export function pageRows(count: number, perPage: number): readonly (readonly number[])[] {
  if (count <= 0) return [];
  const pages = Math.ceil(count / Math.max(1, perPage));
  const base = Math.floor(count / pages);
  const extra = count % pages;
  const out: number[][] = [];
  let next = 0;
  for (let p = 0; p < pages; p++) {
    const size = base + (p < extra ? 1 : 0);
    out.push(Array.from({ length: size }, (_, i) => next + i));
    next += size;
  }
  return out;
}

/**
 * What a schedule with nothing left to show today says instead: whether the rooms had sessions today
 * (all ended) or none at all, and the first session still to come on a later day (held, in `rooms`
 * when given), so a training room's door screen on the conference day points to tomorrow's course.
 */
export function afterToday(
  sessions: readonly Session[],
  now: number,
  timeZone: string,
  rooms?: readonly string[],
): Readonly<{ hadToday: boolean; later: Session | null }> {
  const today = zonedParts(now, timeZone).date;
  const mine = sessions.filter((s) => rooms === undefined || roomMatches(s.room, rooms));
  const start = (s: Session): number => localDateTimeToInstant(s.starts, timeZone);
  const later = mine
    .filter((s) => s.cancelled !== true && s.starts.slice(0, 10) > today)
    .sort((a, b) => start(a) - start(b))[0];
  return { hadToday: mine.some((s) => s.starts.slice(0, 10) === today), later: later ?? null };
}
