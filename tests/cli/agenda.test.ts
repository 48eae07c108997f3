import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frabJsonOf } from '../support/agendaFeeds';
import { startFeedServer } from '../support/feedServer';
import { runMarquee } from '../support/runMarquee';

const schedules = join(import.meta.dirname, '../fixtures/schedules');

const PLAYLIST = `{
    "version": 1,
    "event": { "name": "Con", "timezone": "Europe/Berlin", "languages": ["en"] },
    "slides": [ { "type": "schedule", "id": "now" } ]
}
`;

/** `marquee agenda import` of a fixture export into `playlist`. */
const importInto = (fixture: string, playlist: string) =>
  runMarquee(['agenda', 'import', join(schedules, fixture), '--into', playlist]);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-agenda-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Why: each run starts a Node process; on a busy machine that can take seconds.
describe('marquee agenda import', { timeout: 180_000 }, () => {
  it('writes a frab export into the playlist, leaving the rest of the file as it was, and sums it up', async () => {
    const file = join(dir, 'frab.json');
    await writeFile(file, PLAYLIST);
    const run = await importInto('31c3-fahrplan.schedule.xml', file);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('frab-xml "31. Chaos Communication Congress"');
    expect(run.stdout).toContain('138 sessions over 4 days');
    expect(run.stdout).toContain('4 rooms: Saal 1, Saal 2, Saal 6, Saal G');
    expect(run.stdout).toContain('from 2014-12-27 11:00 to');
    expect(run.stdout).toContain('(Europe/Berlin)');
    const text = await readFile(file, 'utf8');
    const head = PLAYLIST.slice(0, PLAYLIST.lastIndexOf('\n}'));
    expect(text.startsWith(`${head},\n    "sessions": [\n        {\n            "id": "6561",`)).toBe(true);
    const written = JSON.parse(text);
    expect(written.sessions).toHaveLength(138);
    expect(written.slides).toEqual([{ type: 'schedule', id: 'now' }]);
    const validate = await runMarquee(['validate', file]);
    expect(validate.code).toBe(0);
  });

  it('replaces the sessions of a second import and lists every skipped entry with its reason', async () => {
    const file = join(dir, 'ical.json');
    await writeFile(file, PLAYLIST);
    await importInto('31c3-fahrplan.schedule.xml', file);
    const run = await importInto('pyconuk2015.schedule.ics', file);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('158 sessions over 4 days');
    expect(run.stdout).toContain('4 skipped, 5 read with a note:');
    expect(run.stdout.match(/: no SUMMARY \(title\): skipped/g)).toHaveLength(4);
    const written = JSON.parse(await readFile(file, 'utf8'));
    expect(written.sessions).toHaveLength(158);
    expect(written.sessions[0]).toMatchObject({
      title: 'Registration / Breakfast',
      starts: '2015-09-18T09:00',
    });
  });

  it('prints the sessions as JSON without --into, in the feed’s own timezone', async () => {
    const run = await runMarquee(['agenda', 'import', join(schedules, 'good2025-pretalx.schedule.json')]);
    expect(run.code).toBe(0);
    const sessions = JSON.parse(run.stdout);
    expect(sessions).toHaveLength(72);
    expect(run.stderr).toContain('(US/Eastern)');
    expect(sessions[0].starts.slice(0, 10)).toBe('2025-03-17');
  });

  it('refuses to write sessions that would leave a slide pointing at nothing, and keeps the file', async () => {
    const file = join(dir, 'refs.json');
    const text = PLAYLIST.replace(
      '{ "type": "schedule", "id": "now" }',
      '{ "type": "countdown", "id": "c", "session": "keynote" }',
    ).replace(
      '"slides"',
      '"sessions": [{ "id": "keynote", "title": "K", "room": "A", "starts": "2024-01-01T10:00", "ends": "2024-01-01T11:00" }],\n    "slides"',
    );
    await writeFile(file, text);
    const run = await importInto('31c3-fahrplan.schedule.xml', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no session with id "keynote"');
    expect(run.stderr).toContain('not written');
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('exits 2 naming the reason for a file that is no schedule, and for an internal address', async () => {
    const csv = join(dir, 'agenda.csv');
    await writeFile(csv, 'Date,Title\n2024-01-01,Talk\n');
    const bad = await runMarquee(['agenda', 'import', csv]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a schedule Marquee reads');
    const local = await runMarquee(['agenda', 'import', 'https://127.0.0.1:9/schedule.json']);
    expect(local.code).toBe(2);
    expect(local.stderr).toMatch(/127\.0\.0\.1.*(loopback|internal|public)/);
    const copy = join(dir, 'copy.ics');
    await copyFile(join(schedules, 'pyconuk2015.schedule.ics'), copy);
    const wrong = await runMarquee(['agenda', 'import', copy, '--format', 'frab-json']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('not valid JSON');
  });

  it('fetches from the conference’s own server only when --allowed-asset-networks lists it', async () => {
    const talk = {
      id: '7',
      title: 'Keynote',
      room: 'Hall A',
      speakers: ['Host'],
      track: null,
      startsAt: Date.UTC(2026, 11, 3, 9),
      minutes: 45,
    };
    const feed = await startFeedServer({ kind: 'body', text: frabJsonOf([talk], 0, 'UTC') });
    try {
      const refused = await runMarquee(['agenda', 'import', feed.url]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('--allowed-asset-networks');
      expect(feed.requests).toHaveLength(0);
      const allowed = await runMarquee([
        'agenda',
        'import',
        feed.url,
        '--allowed-asset-networks',
        '127.0.0.1',
      ]);
      expect(allowed.code).toBe(0);
      expect(allowed.stderr).toContain('1 sessions over 1 day');
      expect(allowed.stdout).toContain('Keynote');
      expect(feed.requests).toHaveLength(1);
      const badList = await runMarquee(['agenda', 'import', feed.url, '--allowed-asset-networks', 'the-lan']);
      expect(badList.code).toBe(2);
      expect(badList.stderr).toContain('"the-lan" is not an address');
    } finally {
      await feed.close();
    }
  });
});
