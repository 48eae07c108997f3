import type { Session, Text } from '../playlist/types';
import type { FeedProblem } from './feedTypes';

/** What an import came to, in figures: sessions, days, rooms, the time range. */
export type AgendaSummary = Readonly<{
  sessions: number;
  cancelled: number;
  days: readonly string[];
  rooms: readonly string[];
  /** First start and last end, `YYYY-MM-DDTHH:MM` in the event timezone; null without sessions. */
  from: string | null;
  to: string | null;
}>;

/** The figures of `sessions`. */
export function summarizeAgenda(sessions: readonly Session[]): AgendaSummary {
  const days = [...new Set(sessions.map((s) => s.starts.slice(0, 10)))].sort();
  const rooms = [...new Set(sessions.map((s) => roomName(s.room)))];
  const starts = sessions.map((s) => s.starts).sort();
  const ends = sessions.map((s) => s.ends).sort();
  return {
    sessions: sessions.length,
    cancelled: sessions.filter((s) => s.cancelled === true).length,
    days,
    rooms,
    from: starts[0] ?? null,
    to: ends[ends.length - 1] ?? null,
  };
}

/** The summary as lines a person reads, with every skipped or changed entry and its reason. */
export function formatAgendaSummary(
  summary: AgendaSummary,
  problems: readonly FeedProblem[],
  timeZone: string,
): readonly string[] {
  const lines = [
    `${summary.sessions} sessions${summary.cancelled > 0 ? ` (${summary.cancelled} cancelled)` : ''} over ${summary.days.length} ${summary.days.length === 1 ? 'day' : 'days'}${summary.days.length > 0 ? ` (${summary.days.join(', ')})` : ''}`,
    `${summary.rooms.length} ${summary.rooms.length === 1 ? 'room' : 'rooms'}: ${summary.rooms.join(', ')}`,
  ];
  if (summary.from !== null && summary.to !== null) {
    lines.push(`from ${summary.from.replace('T', ' ')} to ${summary.to.replace('T', ' ')} (${timeZone})`);
  }
  const skipped = problems.filter((p) => p.message.endsWith('skipped')).length;
  if (problems.length > 0) {
    lines.push(`${skipped} skipped, ${problems.length - skipped} read with a note:`);
    for (const p of problems) lines.push(`  ${p.where}: ${p.message}`);
  }
  return lines;
}

/** A room's name in one line: its languages joined with " / ". */
function roomName(room: Text): string {
  return typeof room === 'string' ? room : Object.values(room).join(' / ');
}
