import { describe, expect, it } from 'vitest';
import { cancelledTitle } from '../../../src/core/agenda/cancelled';
import { parseDuration } from '../../../src/core/agenda/feedValues';
import { detectFormat, parseFeed } from '../../../src/core/agenda/parseFeed';
import { readAgenda } from '../../../src/core/agenda/readAgenda';

const berlin = { timeZone: 'Europe/Berlin' };

function sessionsOf(text: string, timeZone = 'Europe/Berlin') {
  const result = readAgenda(text, { timeZone });
  if (!result.ok) throw new Error(result.message);
  return result;
}

const ics = (...lines: string[]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//EN', ...lines, 'END:VCALENDAR'].join('\r\n');

describe('parseDuration', () => {
  it.each([
    ['01:30', 90],
    ['1:00', 60],
    ['0:45:00', 45],
    ['PT90M', 90],
    ['PT1H30M', 90],
    ['P1DT2H', 26 * 60],
    ['45', 45],
  ])('reads %s as %d minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each(['', 'soon', '1:5', 'PT', 'P', '-PT5M', '12:60'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('cancelledTitle', () => {
  it.each([
    ['CANCELLED: Rust in space', 'Rust in space'],
    ['[Cancelled] Rust in space', 'Rust in space'],
    ['Rust in space (canceled)', 'Rust in space'],
    ['Rust im All – FÄLLT AUS', 'Rust im All'],
    ['Rust im All (abgesagt)', 'Rust im All'],
    ['Abgesagt: Rust im All', 'Rust im All'],
    ['【取消】太空中的 Rust', '太空中的 Rust'],
    ['太空中的 Rust（已取消）', '太空中的 Rust'],
    ['Rust dans l’espace (annulé)', 'Rust dans l’espace'],
    ['Rust in space CANCELLED', 'Rust in space CANCELLED'],
    ['cancelled', 'cancelled'],
  ])('sees %j as cancelled, titled %j', (title, rest) => {
    expect(cancelledTitle(title)).toEqual({ cancelled: true, title: rest });
  });

  it.each([
    'Cancelled flights and how to claim',
    'Why talks get cancelled',
    '取消订阅的设计',
    'Der Zug fällt nicht aus',
  ])('leaves %j alone', (title) => {
    expect(cancelledTitle(title)).toEqual({ cancelled: false, title });
  });
});

describe('detectFormat', () => {
  it('tells the formats apart by their content, a BOM and blank lines first included', () => {
    expect(detectFormat('\uFEFF\n  BEGIN:VCALENDAR\r\n')).toBe('ical');
    expect(detectFormat('<?xml version="1.0"?><schedule/>')).toBe('frab-xml');
    expect(detectFormat(' {"schedule": {}}')).toBe('frab-json');
    expect(detectFormat('Date,Title\n')).toBeNull();
  });

  it('says what it expected when the content is none of them', () => {
    const result = parseFeed('Date,Title\n', berlin);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('give --format') });
  });
});

describe('frab XML', () => {
  const xml = (events: string, day = `<day index='1' date='2024-12-27' start='2024-12-27T11:00:00+01:00'>`) =>
    `<schedule><conference><title>T</title></conference>${day}<room name='Saal 1'>${events}</room></day></schedule>`;

  it('puts a start before the day window on the next morning when there is no <date>', () => {
    const { sessions } = sessionsOf(
      xml(`<event id='1'><start>01:30</start><duration>1:00</duration><title>Late</title></event>
           <event id='2'><start>11:00</start><duration>PT45M</duration><title>Early</title></event>`),
    );
    expect(sessions.map((s) => [s.id, s.starts, s.ends, s.room])).toEqual([
      ['2', '2024-12-27T11:00', '2024-12-27T11:45', 'Saal 1'],
      ['1', '2024-12-28T01:30', '2024-12-28T02:30', 'Saal 1'],
    ]);
  });

  it('converts the written offset to the event timezone', () => {
    const { sessions } = sessionsOf(
      xml(`<event id='7'><date>2024-12-27T11:00:00+01:00</date><duration>00:30</duration><title>Talk</title>
           <persons><person id='1'>A</person><person id='2'>B</person></persons><track>Art</track><language>de</language></event>`),
      'Asia/Shanghai',
    );
    expect(sessions[0]).toEqual({
      id: '7',
      title: 'Talk',
      speakers: ['A', 'B'],
      room: 'Saal 1',
      starts: '2024-12-27T18:00',
      ends: '2024-12-27T18:30',
      track: 'Art',
      language: 'de',
    });
  });

  it('skips odd events with a reason naming the event, and keeps the rest', () => {
    const result = sessionsOf(
      xml(`<event id='1'><date>yesterday</date><title>A</title></event>
           <event id='2'><date>2024-12-27T12:00:00+01:00</date><duration>long</duration><title>B</title></event>
           <event id='3'><date>2024-12-27T12:00:00+01:00</date><duration>00:30</duration></event>
           <event id='4'><date>2024-12-27T13:00:00+01:00</date><duration>00:30</duration><title>CANCELLED: D</title></event>`),
    );
    expect(result.sessions.map((s) => [s.id, s.title, s.cancelled])).toEqual([['4', 'D', true]]);
    expect(result.problems).toEqual([
      { where: `day 1, room "Saal 1", event 1`, message: expect.stringContaining('date "yesterday"') },
      { where: `day 1, room "Saal 1", event 2`, message: expect.stringContaining('duration "long"') },
      { where: `day 1, room "Saal 1", event 3`, message: 'no title: skipped' },
    ]);
  });

  it('answers broken XML with the line and column', () => {
    expect(parseFeed('<schedule><day>\n<room></day>', berlin)).toEqual({
      ok: false,
      message: expect.stringMatching(/^not well-formed XML at line 2, column \d+/),
    });
    expect(parseFeed('<html><body/></html>', berlin)).toEqual({
      ok: false,
      message: expect.stringContaining('no <schedule>'),
    });
  });
});

describe('frab/pretalx JSON', () => {
  it('reads nulls where strings belong as missing, persons as objects or names', () => {
    const json = JSON.stringify({
      schedule: {
        conference: {
          title: null,
          time_zone_name: 'Europe/Berlin',
          days: [
            {
              index: 1,
              date: '2025-03-17',
              rooms: {
                'Hall A': [
                  {
                    id: 5,
                    guid: null,
                    date: '2025-03-17T10:00:00+01:00',
                    duration: '01:00',
                    room: null,
                    title: 'Talk',
                    subtitle: null,
                    track: null,
                    language: null,
                    persons: [{ public_name: 'A' }, { name: 'B' }, 'C', null],
                  },
                  { id: 6, title: null, date: '2025-03-17T11:00:00+01:00' },
                  17,
                ],
              },
            },
          ],
        },
      },
    });
    const result = sessionsOf(json);
    expect(result.sessions).toEqual([
      {
        id: '5',
        title: 'Talk',
        speakers: ['A', 'B', 'C'],
        room: 'Hall A',
        starts: '2025-03-17T10:00',
        ends: '2025-03-17T11:00',
      },
    ]);
    expect(result.problems.map((p) => p.message)).toEqual(['no title: skipped', 'not an object: skipped']);
  });

  it('says what shape it needs when the JSON is something else', () => {
    expect(parseFeed('{"sessions": []}', berlin)).toEqual({
      ok: false,
      message: expect.stringContaining('{"schedule": {"conference": {"days"'),
    });
    expect(parseFeed('{"schedule": ', berlin)).toEqual({
      ok: false,
      message: expect.stringContaining('not valid JSON'),
    });
  });
});

describe('iCalendar', () => {
  /** A VTIMEZONE for "Europe/Berlin" with a wrong fixed +05:00, as some exporters ship. */
  const wrongBerlin = [
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Berlin',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0500',
    'TZOFFSETTO:+0500',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
  const privateZone = [
    'BEGIN:VTIMEZONE',
    'TZID:Venue Time',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
  const event = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];

  it('resolves an IANA TZID by its name even when its VTIMEZONE is wrong', () => {
    const { sessions } = sessionsOf(
      ics(
        ...wrongBerlin,
        ...event(
          'UID:a',
          'SUMMARY:Talk',
          'LOCATION:Saal 1',
          'DTSTART;TZID=Europe/Berlin:20250317T100000',
          'DURATION:PT90M',
        ),
      ),
      'UTC',
    );
    expect([sessions[0]?.starts, sessions[0]?.ends]).toEqual(['2025-03-17T09:00', '2025-03-17T10:30']);
  });

  it('falls back to the VTIMEZONE of a private TZID, and reads floating times in the event zone', () => {
    const { sessions } = sessionsOf(
      ics(
        ...privateZone,
        ...event(
          'UID:a',
          'SUMMARY:A',
          'LOCATION:R',
          'DTSTART;TZID=Venue Time:20250317T100000',
          'DTEND;TZID=Venue Time:20250317T110000',
        ),
        ...event('UID:b', 'SUMMARY:B', 'LOCATION:R', 'DTSTART:20250317T150000', 'DTEND:20250317T160000'),
      ),
      'Asia/Tokyo',
    );
    expect(sessions.map((s) => [s.id, s.starts, s.ends])).toEqual([
      ['a', '2025-03-17T11:00', '2025-03-17T12:00'],
      ['b', '2025-03-17T15:00', '2025-03-17T16:00'],
    ]);
  });

  it('marks STATUS:CANCELLED, takes CATEGORIES as the track, and skips what cannot be a session', () => {
    const result = sessionsOf(
      ics(
        ...event(
          'UID:a',
          'SUMMARY:A',
          'LOCATION:R',
          'DTSTART:20250317T100000Z',
          'DTEND:20250317T110000Z',
          'STATUS:CANCELLED',
          'CATEGORIES:Security,Web',
        ),
        ...event('UID:b', 'SUMMARY:Day one', 'LOCATION:R', 'DTSTART;VALUE=DATE:20250317'),
        ...event('UID:c', 'SUMMARY:C', 'DTSTART:20250317T100000Z'),
        ...event('UID:d', 'SUMMARY:D', 'LOCATION:R', 'DTSTART;TZID=Nowhere:20250317T100000'),
      ),
      'UTC',
    );
    expect(result.sessions).toEqual([
      {
        id: 'a',
        title: 'A',
        room: 'R',
        starts: '2025-03-17T10:00',
        ends: '2025-03-17T11:00',
        track: 'Security',
        cancelled: true,
      },
    ]);
    expect(result.problems.map((p) => p.message)).toEqual([
      'an all-day entry (DTSTART is a date), not a session: skipped',
      'no LOCATION (room): skipped',
      'DTSTART TZID "Nowhere" is neither an IANA zone nor defined by a VTIMEZONE in the file: skipped',
    ]);
  });

  it('gives a session without an end the time until the next one in its room, at most an hour', () => {
    const result = sessionsOf(
      ics(
        ...event('UID:a', 'SUMMARY:A', 'LOCATION:R', 'DTSTART:20250317T100000Z'),
        ...event('UID:b', 'SUMMARY:B', 'LOCATION:R', 'DTSTART:20250317T102000Z', 'DURATION:PT10M'),
        ...event('UID:c', 'SUMMARY:C', 'LOCATION:R', 'DTSTART:20250317T120000Z'),
      ),
      'UTC',
    );
    expect(result.sessions.map((s) => [s.id, s.ends])).toEqual([
      ['a', '2025-03-17T10:20'],
      ['b', '2025-03-17T10:30'],
      ['c', '2025-03-17T13:00'],
    ]);
    expect(result.problems.map((p) => p.message)).toEqual([
      'no end or duration: shown until 10:20',
      'no end or duration: shown until 13:00',
    ]);
  });

  it('answers text that is not iCalendar with the parser’s reason', () => {
    expect(parseFeed('BEGIN:VCALENDAR\r\nthis is not a line', berlin)).toEqual({
      ok: false,
      message: expect.stringContaining('not valid iCalendar'),
    });
  });
});

describe('rooms and ids', () => {
  it('maps feed rooms to names on screen and makes long or odd ids safe and unique', () => {
    const uid = `${'x'.repeat(80)}@host`;
    const result = readAgenda(
      ics(
        'BEGIN:VEVENT',
        `UID:${uid}`,
        'SUMMARY:A',
        'LOCATION:Hall 1',
        'DTSTART:20250317T100000Z',
        'DURATION:PT1H',
        'END:VEVENT',
        'BEGIN:VEVENT',
        `UID:${uid}`,
        'SUMMARY:B',
        'LOCATION:Hall 2',
        'DTSTART:20250317T100000Z',
        'DURATION:PT1H',
        'END:VEVENT',
      ),
      { timeZone: 'UTC', rooms: { 'Hall 1': { zh: '主会场', en: 'Main hall' } } },
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.sessions.map((s) => s.room)).toEqual([{ zh: '主会场', en: 'Main hall' }, 'Hall 2']);
    const ids = result.sessions.map((s) => s.id);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);
  });
});
