import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAgenda } from '../../../src/core/agenda/readAgenda';

const dir = join(import.meta.dirname, '../../fixtures/schedules');
const read = (name: string): string => readFileSync(join(dir, name), 'utf8');

/** `YYYY-MM-DDTHH:MM` of an instant in `timeZone`, by Intl (not the code under test). */
function localOf(instant: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Every `<event>` of a frab XML by plain text search: its id, `<date>`, `<duration>`, `<room>` and `<title>`. */
function xmlEvents(xml: string) {
  return [...xml.matchAll(/<event [^>]*id='(\d+)'[^>]*>([\s\S]*?)<\/event>/g)].map(
    ([, id = '', body = '']) => {
      const tag = (name: string): string =>
        (new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1] ?? '')
          .replaceAll('&amp;', '&')
          .replaceAll('&quot;', '"')
          .replaceAll('&#39;', "'")
          .replaceAll('&lt;', '<')
          .replaceAll('&gt;', '>')
          .trim();
      const [h = 0, m = 0] = tag('duration').split(':').map(Number);
      const start = Date.parse(tag('date'));
      return { id, title: tag('title'), room: tag('room'), start, end: start + (h * 60 + m) * 60_000 };
    },
  );
}

describe('the real exports in tests/fixtures/schedules', () => {
  it('31C3 (frab XML, +01:00 offsets, days past midnight): every event, room and time', () => {
    const xml = read('31c3-fahrplan.schedule.xml');
    const expected = xmlEvents(xml);
    expect(expected).toHaveLength(138);
    const result = readAgenda(xml, { timeZone: 'Europe/Berlin' });
    if (!result.ok) throw new Error(result.message);
    expect(result.feed.format).toBe('frab-xml');
    expect(result.feed.timeZone).toBe('Etc/GMT-1');
    expect(result.problems).toEqual([]);
    expect(result.sessions).toHaveLength(expected.length);
    const byId = new Map(result.sessions.map((s) => [s.id, s]));
    for (const e of expected) {
      const s = byId.get(e.id);
      expect(s, `event ${e.id}`).toBeDefined();
      expect(s?.title).toBe(e.title);
      expect(s?.room).toBe(e.room);
      expect(s?.starts).toBe(localOf(e.start, 'Europe/Berlin'));
      expect(s?.ends).toBe(localOf(e.end, 'Europe/Berlin'));
    }
    const rooms = new Set([...xml.matchAll(/<room name='([^']+)'>/g)].map((m) => m[1]));
    expect(new Set(result.sessions.map((s) => s.room))).toEqual(rooms);
    const first = [...expected].sort((a, b) => a.start - b.start)[0];
    expect(result.sessions[0]?.id).toBe(first?.id);
    const citizenfour = result.sessions.find((s) => s.title === 'Citizenfour');
    expect(citizenfour?.starts).toBe('2014-12-28T00:00');
    expect(citizenfour?.speakers?.length).toBeGreaterThan(0);
  });

  it('GOOD 2025 (pretalx XML and JSON, US/Eastern): the same 72 sessions from both exports', () => {
    const xml = read('good2025-pretalx.schedule.xml');
    const json = JSON.parse(read('good2025-pretalx.schedule.json'));
    const fromXml = readAgenda(xml, { timeZone: 'America/New_York' });
    const fromJson = readAgenda(JSON.stringify(json), { timeZone: 'America/New_York' });
    if (!fromXml.ok || !fromJson.ok) throw new Error('not read');
    const events = json.schedule.conference.days.flatMap(
      (d: { rooms: Record<string, { id: number; date: string; title: string; room: string }[]> }) =>
        Object.values(d.rooms).flat(),
    );
    expect(events).toHaveLength(72);
    expect(fromJson.sessions).toHaveLength(72);
    expect(fromXml.sessions).toEqual(fromJson.sessions);
    expect(fromJson.feed.timeZone).toBe('US/Eastern');
    for (const e of events) {
      const s = fromJson.sessions.find((x) => x.id === String(e.id));
      expect(s?.starts).toBe(localOf(Date.parse(e.date), 'America/New_York'));
      expect(s?.room).toBe(e.room);
    }
    expect(new Set(fromJson.sessions.map((s) => s.room))).toEqual(
      new Set(json.schedule.conference.rooms.map((r: { name: string }) => r.name)),
    );
    const noPersons = events.filter((e: { persons?: unknown[] }) => (e.persons ?? []).length === 0).length;
    expect(fromJson.sessions.filter((s) => s.speakers === undefined)).toHaveLength(noPersons);
    expect(fromJson.sessions.map((s) => s.starts.slice(0, 10)).sort()[0]).toBe('2025-03-17');
  });

  it('PyCon UK 2015 (iCalendar, UTC): sessions in London time; untitled entries skipped, open ends noted', () => {
    const ics = read('pyconuk2015.schedule.ics');
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    const blocks = unfolded.split('BEGIN:VEVENT').slice(1);
    expect(blocks).toHaveLength(162);
    const untitled = blocks.filter((b) => !/\r\nSUMMARY:[^\r]/.test(b)).length;
    const openEnded = blocks.filter(
      (b) => /\r\nSUMMARY:[^\r]/.test(b) && !/\r\n(DTEND|DURATION)/.test(b),
    ).length;
    const result = readAgenda(ics, { timeZone: 'Europe/London' });
    if (!result.ok) throw new Error(result.message);
    expect(result.sessions).toHaveLength(162 - untitled);
    expect(result.problems.filter((p) => p.message.startsWith('no SUMMARY'))).toHaveLength(untitled);
    expect(result.problems.filter((p) => p.message.startsWith('no end or duration'))).toHaveLength(openEnded);
    const starts = blocks
      .filter((b) => /\r\nSUMMARY:[^\r]/.test(b))
      .map((b) => /DTSTART:(\d{8}T\d{6}Z)/.exec(b)?.[1] ?? '')
      .map((s) =>
        Date.parse(
          `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`,
        ),
      )
      .sort((a, b) => a - b);
    expect(result.sessions[0]?.starts).toBe(localOf(starts[0] ?? 0, 'Europe/London'));
    expect(result.sessions.at(-1)?.starts).toBe(localOf(starts.at(-1) ?? 0, 'Europe/London'));
    const locations = new Set(blocks.map((b) => /\r\nLOCATION:([^\r]*)/.exec(b)?.[1]).filter(Boolean));
    expect(new Set(result.sessions.map((s) => s.room)).size).toBe(locations.size);
    expect(new Set(result.sessions.map((s) => s.id)).size).toBe(result.sessions.length);
  });
});
