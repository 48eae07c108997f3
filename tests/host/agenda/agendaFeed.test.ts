import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Playlist } from '../../../src/core/playlist/types';
import type { ShowView } from '../../../src/core/view/showView';
import { type AgendaHost, startAgendaFeed } from '../../../src/host/agenda/agendaFeed';
import { parseAllowedNetworks } from '../../../src/host/cache/addressPolicy';
import { ManualClock } from '../../../src/host/clock';
import { type FeedTalk, frabJsonOf } from '../../support/agendaFeeds';
import { type FeedServer, startFeedServer } from '../../support/feedServer';

const T0 = Date.parse('2025-03-17T09:00:00Z');
const talks: FeedTalk[] = [
  { id: '1', title: 'Opening', room: 'Saal 1', speakers: ['Host'], track: null, startsAt: T0, minutes: 30 },
  {
    id: '2',
    title: 'Keynote',
    room: 'Saal 1',
    speakers: ['Chair'],
    track: 'Main',
    startsAt: T0 + 3_600_000,
    minutes: 60,
  },
];
const moved = talks.map((t) => (t.id === '2' ? { ...t, room: 'Saal 2' } : t));
const loopback = parseAllowedNetworks(['127.0.0.1/32']);
const policy = { allowedNetworks: loopback.ok ? loopback.networks : [] };
const silent = { info: () => {}, warn: () => {} };

function fakeHost(url: string): AgendaHost & { refreshes: number; view: () => ShowView } {
  const playlist = {
    version: 1,
    event: { name: 'Con', timezone: 'UTC', languages: ['en'] },
    sessions: [],
    sessionsFrom: { url, refreshSeconds: 2, rooms: { 'Saal 2': { zh: '二号厅', en: 'Hall 2' } } },
    slides: [{ type: 'schedule', id: 'now' }],
  } as unknown as Playlist;
  const host = {
    screen: 'main',
    playlist,
    playlistDir: '/',
    refreshes: 0,
    onView: () => () => {},
    refreshView() {
      host.refreshes++;
    },
    view: () => ({ sessions: [] }) as unknown as ShowView,
  };
  return host;
}

let server: FeedServer | null = null;
let dir = '';
afterEach(async () => {
  await server?.close();
  server = null;
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('the live agenda feed', () => {
  it('shows the feed, asks conditionally, follows a change, and keeps the last good agenda through 500, garbage and a hang', async () => {
    dir = await mkdtemp(join(tmpdir(), 'marquee-agenda-feed-'));
    server = await startFeedServer({ kind: 'body', text: frabJsonOf(talks, 0, 'UTC') });
    const clock = new ManualClock(T0);
    const host = fakeHost(server.url);
    const feed = await startAgendaFeed({ host, clock, log: silent, stateDir: dir, policy });
    await feed.refresh();
    const shown = () => feed.stage(host.view()).sessions.map((s) => [s.id, s.room]);
    expect(shown()).toEqual([
      ['1', 'Saal 1'],
      ['2', 'Saal 1'],
    ]);
    expect(feed.health()).toMatchObject({ ok: true, sessions: 2, problem: null, lastGoodAt: T0 });
    expect(host.refreshes).toBe(1);

    await feed.refresh();
    expect(server.requests.at(-1)).toEqual({ ifNoneMatch: '"v0"', answered: 304 });
    expect(host.refreshes).toBe(1);

    server.set({ kind: 'body', text: frabJsonOf(moved, 0, 'UTC') });
    clock.advance(60_000);
    await feed.refresh();
    expect(shown()).toEqual([
      ['1', 'Saal 1'],
      ['2', { zh: '二号厅', en: 'Hall 2' }],
    ]);
    expect(host.refreshes).toBe(2);

    server.set({ kind: 'status', status: 500 });
    clock.advance(60_000);
    const failedAt = clock.now();
    await feed.refresh();
    expect(feed.health()).toMatchObject({
      ok: false,
      sessions: 2,
      problem: { message: 'cannot be fetched: the server answered HTTP 500', since: failedAt },
    });

    server.set({ kind: 'body', text: '{"schedule": {"conference": ' });
    clock.advance(60_000);
    await feed.refresh();
    expect(feed.health()?.problem).toEqual({
      message: expect.stringContaining('does not read: not valid JSON'),
      since: failedAt,
    });
    expect(shown()[1]).toEqual(['2', { zh: '二号厅', en: 'Hall 2' }]);

    server.set({ kind: 'hang' });
    await feed.refresh();
    expect(feed.health()?.problem?.message).toContain('timed out');
    expect(shown()).toHaveLength(2);
    feed.stop();

    const again = await startAgendaFeed({ host, clock, log: silent, stateDir: dir, policy });
    expect(again.stage(host.view()).sessions.map((s) => s.room)).toEqual([
      'Saal 1',
      { zh: '二号厅', en: 'Hall 2' },
    ]);
    again.stop();
  }, 30_000);

  it('refuses a loopback feed the venue has not allowed, saying why', async () => {
    server = await startFeedServer({ kind: 'body', text: frabJsonOf(talks, 0, 'UTC') });
    const host = fakeHost(server.url);
    const feed = await startAgendaFeed({ host, clock: new ManualClock(T0), log: silent, stateDir: null });
    await feed.refresh();
    expect(feed.health()).toMatchObject({
      ok: false,
      sessions: 0,
      problem: { message: expect.stringContaining('127.0.0.1') },
    });
    expect(server.requests).toHaveLength(0);
    feed.stop();
  });
});
