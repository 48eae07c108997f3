import type { Session, Text } from '../../core/playlist/types';
import { localDateTimeToInstant, zonedParts } from '../../core/time/zonedTime';

/** One room's line on the schedule: the session on now and the next one today. */
export type RoomLine = Readonly<{ room: Text; now: Session | null; next: Session | null }>;

function roomKey(room: Text): string {
  return typeof room === 'string' ? room : JSON.stringify(Object.entries(room).sort());
}

function roomMatches(room: Text, wanted: readonly string[]): boolean {
  const names = typeof room === 'string' ? [room] : Object.values(room);
  return names.some((n) => wanted.includes(n));
}

/**
 * Now and next per room at `now` in `timeZone`: rooms in order of first appearance (only `rooms` when
 * given), each with the session running now and the next one starting later the same local day;
 * rooms with neither are left out.
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
  const lines: RoomLine[] = [];
  for (const { room, sessions: list } of byRoom.values()) {
    const sorted = [...list].sort((a, b) => a.starts.localeCompare(b.starts));
    const start = (s: Session): number => localDateTimeToInstant(s.starts, timeZone);
    const end = (s: Session): number => localDateTimeToInstant(s.ends, timeZone);
    const current = sorted.find((s) => start(s) <= now && now < end(s)) ?? null;
    const next = sorted.find((s) => start(s) > now && s.starts.slice(0, 10) === today) ?? null;
    if (current !== null || next !== null) lines.push({ room, now: current, next });
  }
  return lines;
}
