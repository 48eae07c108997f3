import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Session, Text } from '../../src/core/playlist/types';
import { afterToday, nowAndNext, pageRows, roomKey } from '../../src/renderer/slides/nowAndNext';

// Why: Asia/Shanghai is UTC+8 all year, so the test can turn local times into instants on its own.
const TZ = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3_600_000;
const MINUTE = 60_000;
const BASE = Date.parse('2018-12-19T00:00:00Z') - OFFSET_MS; // 19 Dec 2018, 00:00 in Beijing

const local = (instant: number): string => new Date(instant + OFFSET_MS).toISOString().slice(0, 16);
const instant = (localDateTime: string): number => Date.parse(`${localDateTime}:00Z`) - OFFSET_MS;

const ROOMS: readonly Text[] = [
  { zh: '主会场', en: 'Main Hall' },
  { en: 'Hall A', zh: '分会场 A' },
  'Training Room 1',
  { zh: '培训教室 2', en: 'Training Room 2' },
];

/** Sessions over three days in up to four rooms, overlaps allowed, some running past midnight. */
const sessionsArb = fc
  .array(
    fc.record({
      room: fc.integer({ min: 0, max: ROOMS.length - 1 }),
      start: fc.integer({ min: 0, max: 3 * 24 * 60 - 1 }),
      length: fc.integer({ min: 1, max: 8 * 60 }),
    }),
    { maxLength: 30 },
  )
  .map((specs) =>
    specs.map(
      (s, i): Session => ({
        id: `s${i}`,
        title: `Session ${i}`,
        room: ROOMS[s.room] ?? 'Room',
        starts: local(BASE + s.start * MINUTE),
        ends: local(BASE + (s.start + s.length) * MINUTE),
      }),
    ),
  );
const nowArb = fc.integer({ min: 0, max: 3 * 24 * 60 }).map((m) => BASE + m * MINUTE);

describe('nowAndNext', () => {
  it('never shows a cancelled session as now or next: they are those of the held sessions alone', () => {
    fc.assert(
      fc.property(
        sessionsArb,
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        nowArb,
        (sessions, flags, t) => {
          const marked = sessions.map((s, i) => (flags[i] === true ? { ...s, cancelled: true } : s));
          const held = marked.filter((s) => s.cancelled !== true);
          const byKey = new Map(nowAndNext(held, t, TZ).map((l) => [l.key, l]));
          for (const line of nowAndNext(marked, t, TZ)) {
            expect(line.now?.cancelled).not.toBe(true);
            expect(line.next?.cancelled).not.toBe(true);
            expect(line.now).toEqual(byKey.get(line.key)?.now ?? null);
            expect(line.next).toEqual(byKey.get(line.key)?.next ?? null);
            if (line.cancelled !== null) {
              expect(line.cancelled.cancelled).toBe(true);
              expect(instant(line.cancelled.ends)).toBeGreaterThan(t);
            }
          }
        },
      ),
    );
  });

  it('names the cancelled talk in the slot now when nothing else runs, else the one before next', () => {
    const s = (id: string, starts: string, ends: string, cancelled = false): Session => ({
      id,
      title: id,
      room: 'Hall',
      starts,
      ends,
      ...(cancelled ? { cancelled: true } : {}),
    });
    const day = [
      s('a', '2018-12-19T09:00', '2018-12-19T10:00', true),
      s('b', '2018-12-19T10:00', '2018-12-19T11:00', true),
      s('c', '2018-12-19T11:00', '2018-12-19T12:00'),
    ];
    const at = (time: string) => nowAndNext(day, instant(`2018-12-19T${time}`), TZ)[0];
    expect(at('09:30')).toMatchObject({ now: null, next: { id: 'c' }, cancelled: { id: 'a' } });
    expect(at('10:30')).toMatchObject({ now: null, next: { id: 'c' }, cancelled: { id: 'b' } });
    expect(at('11:30')).toMatchObject({ now: { id: 'c' }, next: null, cancelled: null });
    expect(at('08:00')).toMatchObject({ now: null, next: { id: 'c' }, cancelled: { id: 'a' } });
  });

  it('shows as "now" only a session running at that moment, the one that started last', () => {
    fc.assert(
      fc.property(sessionsArb, nowArb, (sessions, t) => {
        for (const line of nowAndNext(sessions, t, TZ)) {
          const inRoom = sessions.filter((s) => roomKey(s.room) === line.key);
          const running = inRoom.filter((s) => instant(s.starts) <= t && t < instant(s.ends));
          if (running.length === 0) expect(line.now).toBeNull();
          else {
            expect(line.now).not.toBeNull();
            const now = line.now as Session;
            expect(instant(now.starts)).toBeLessThanOrEqual(t);
            expect(instant(now.ends)).toBeGreaterThan(t);
            expect(Math.max(...running.map((s) => instant(s.starts)))).toBe(instant(now.starts));
          }
        }
      }),
    );
  });

  it('shows as "next" the first session starting later the same local day, after "now" started', () => {
    fc.assert(
      fc.property(sessionsArb, nowArb, (sessions, t) => {
        const today = local(t).slice(0, 10);
        for (const line of nowAndNext(sessions, t, TZ)) {
          const later = sessions
            .filter(
              (s) => roomKey(s.room) === line.key && instant(s.starts) > t && s.starts.startsWith(today),
            )
            .map((s) => instant(s.starts));
          if (later.length === 0) expect(line.next).toBeNull();
          else {
            const next = line.next as Session;
            expect(instant(next.starts)).toBe(Math.min(...later));
            expect(instant(next.starts)).toBeGreaterThan(t);
            expect(next.starts.startsWith(today)).toBe(true);
            if (line.now !== null) expect(instant(next.starts)).toBeGreaterThan(instant(line.now.starts));
          }
        }
      }),
    );
  });

  it('never shows a session twice or in another room, and never one that has ended', () => {
    fc.assert(
      fc.property(sessionsArb, nowArb, (sessions, t) => {
        const shown = nowAndNext(sessions, t, TZ).flatMap((l) =>
          [l.now, l.next].filter((s): s is Session => s !== null).map((s) => ({ s, key: l.key })),
        );
        expect(new Set(shown.map((x) => x.s.id)).size).toBe(shown.length);
        for (const { s, key } of shown) {
          expect(roomKey(s.room)).toBe(key);
          expect(instant(s.ends)).toBeGreaterThan(t);
        }
      }),
    );
  });

  it('lists each room in use today (or running now) once, in agenda order', () => {
    fc.assert(
      fc.property(sessionsArb, nowArb, (sessions, t) => {
        const today = local(t).slice(0, 10);
        const expected: string[] = [];
        for (const s of sessions) {
          const key = roomKey(s.room);
          const used = sessions.some(
            (o) =>
              roomKey(o.room) === key &&
              (o.starts.startsWith(today) || (instant(o.starts) <= t && t < instant(o.ends))),
          );
          if (used && !expected.includes(key)) expected.push(key);
        }
        expect(nowAndNext(sessions, t, TZ).map((l) => l.key)).toEqual(expected);
      }),
    );
  });

  it('keeps only the rooms asked for, by any of their names', () => {
    fc.assert(
      fc.property(
        sessionsArb,
        nowArb,
        fc.subarray(['Main Hall', '分会场 A', 'Training Room 1']),
        (s, t, rooms) => {
          fc.pre(rooms.length > 0);
          for (const line of nowAndNext(s, t, TZ, rooms)) {
            const names = typeof line.room === 'string' ? [line.room] : Object.values(line.room);
            expect(names.some((n) => rooms.includes(n))).toBe(true);
          }
        },
      ),
    );
  });

  it('keeps a room whose sessions today have ended, with neither now nor next, and drops tomorrow-only rooms', () => {
    const sessions: Session[] = [
      { id: 'a', title: 'A', room: 'Hall', starts: '2018-12-20T09:00', ends: '2018-12-20T10:00' },
      { id: 'b', title: 'B', room: 'Lab', starts: '2018-12-21T09:00', ends: '2018-12-21T10:00' },
    ];
    const lines = nowAndNext(sessions, instant('2018-12-20T11:00'), TZ);
    expect(lines).toEqual([{ key: 'Hall', room: 'Hall', now: null, next: null, cancelled: null }]);
  });
});

describe('pageRows', () => {
  it('pages every row once, in order, on the fewest pages, sizes differing by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 10 }), (count, perPage) => {
        const pages = pageRows(count, perPage);
        expect(pages.flat()).toEqual(Array.from({ length: count }, (_, i) => i));
        expect(pages.length).toBe(Math.ceil(count / perPage));
        const sizes = pages.map((p) => p.length);
        for (const size of sizes) expect(size).toBeLessThanOrEqual(perPage);
        if (sizes.length > 0) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('afterToday', () => {
  it('points to the first held session of a later day, in the rooms asked for, and knows whether today had any', () => {
    fc.assert(
      fc.property(
        sessionsArb,
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        nowArb,
        fc.option(fc.constantFrom(['Training Room 1'], ['主会场', 'Hall A'])),
        (plain, cancelledFlags, t, rooms) => {
          const sessions = plain.map((s, i) => ({ ...s, cancelled: cancelledFlags[i] === true }));
          const wanted: readonly string[] | undefined = rooms ?? undefined;
          const inRooms = (s: Session) =>
            wanted === undefined ||
            (typeof s.room === 'string' ? [s.room] : Object.values(s.room)).some((n) => wanted.includes(n));
          const today = local(t).slice(0, 10);
          const { hadToday, later } = afterToday(sessions, t, TZ, wanted);
          expect(hadToday).toBe(sessions.some((s) => inRooms(s) && s.starts.slice(0, 10) === today));
          const candidates = sessions.filter(
            (s) => inRooms(s) && s.cancelled !== true && s.starts.slice(0, 10) > today,
          );
          if (candidates.length === 0) {
            expect(later).toBeNull();
            return;
          }
          expect(later).not.toBeNull();
          expect(candidates).toContain(later);
          const first = Math.min(...candidates.map((s) => instant(s.starts)));
          expect(instant(later?.starts ?? '')).toBe(first);
        },
      ),
    );
  });

  it('on the conference day, a training room’s schedule names tomorrow’s first course', () => {
    const sessions: Session[] = [
      {
        id: 'keynote',
        title: 'Keynote',
        room: '主会场',
        starts: '2018-12-20T09:00',
        ends: '2018-12-20T09:45',
      },
      {
        id: 'c1',
        title: 'Course',
        room: 'Training Room 1',
        starts: '2018-12-21T09:00',
        ends: '2018-12-21T12:00',
      },
      {
        id: 'c0',
        title: 'Cancelled course',
        room: 'Training Room 1',
        starts: '2018-12-21T08:00',
        ends: '2018-12-21T09:00',
        cancelled: true,
      },
    ];
    const at = instant('2018-12-20T10:10');
    expect(afterToday(sessions, at, TZ, ['Training Room 1'])).toEqual({
      hadToday: false,
      later: sessions[1],
    });
    expect(afterToday(sessions, at, TZ, ['主会场'])).toEqual({ hadToday: true, later: null });
  });
});
