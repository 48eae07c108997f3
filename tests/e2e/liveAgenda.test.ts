import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedChromium, launchChromium } from '../support/chromium';
import { type FeedTalk, frabJsonOf } from '../support/agendaFeeds';
import { type FeedServer, startFeedServer } from '../support/feedServer';
import { freePort, type ServeProcess, startServe } from './serveProcess';

const REFRESH_S = 2;
const minute = 60_000;
const start = Math.floor(Date.now() / minute) * minute;
/** Why: a fixed-offset zone in which it is about noon now, so the talks around the real clock share its local date. */
const shift = 12 - new Date(start).getUTCHours();
const ZONE = shift === 0 ? 'UTC' : `Etc/GMT${shift > 0 ? '-' : '+'}${Math.abs(shift)}`;
const talks: FeedTalk[] = [
  {
    id: '101',
    title: 'Opening talk',
    room: 'Saal 1',
    speakers: ['Host'],
    track: 'Main',
    startsAt: start - 10 * minute,
    minutes: 60,
  },
  {
    id: '102',
    title: 'Second talk',
    room: 'Saal 1',
    speakers: ['Chair'],
    track: null,
    startsAt: start + 50 * minute,
    minutes: 30,
  },
];
const moved = talks.map((t) => (t.id === '101' ? { ...t, room: 'Saal 2' } : t));
const cancelled = moved.map((t) => (t.id === '102' ? { ...t, title: 'CANCELLED: Second talk' } : t));

let dir = '';
let feed: FeedServer;
let serve: ServeProcess;
let chromium: LaunchedChromium;
let page: Page;

/** Waits (bounded) until the schedule row of `room` on the kiosk page has `attribute` = `value`. */
async function rowHas(room: string, attribute: string, value: string): Promise<void> {
  await page.waitForFunction(
    ([r, a, v]) => document.querySelector(`.schedule-row[data-room="${r}"]`)?.getAttribute(a) === v,
    [room, attribute, value] as const,
    { timeout: (REFRESH_S + 8) * 1000 },
  );
}

async function health(): Promise<{
  healthy: boolean;
  agenda?: { ok: boolean; sessions: number; problem: { message: string; since: number } | null };
}> {
  return (await fetch(new URL('/api/health', serve.url))).json() as never;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-live-agenda-'));
  feed = await startFeedServer({ kind: 'body', text: frabJsonOf(talks, 0, 'UTC') });
  const playlist = join(dir, 'playlist.json');
  await writeFile(
    playlist,
    JSON.stringify({
      version: 1,
      event: { name: 'Con', timezone: ZONE, languages: ['en'] },
      sessionsFrom: { url: feed.url, refreshSeconds: REFRESH_S },
      slides: [{ type: 'schedule', id: 'now', duration: 3600 }],
    }),
  );
  process.env.MARQUEE_ALLOWED_ASSET_NETWORKS = '127.0.0.1';
  serve = await startServe(['--playlist', playlist, '--port', String(await freePort())], join(dir, 'home'));
  delete process.env.MARQUEE_ALLOWED_ASSET_NETWORKS;
  chromium = await launchChromium();
  page = await chromium.browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(serve.url);
}, 120_000);

afterAll(async () => {
  await chromium?.cleanup();
  await serve?.stop();
  await feed?.close();
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('the live agenda on the kiosk page', { timeout: 120_000 }, () => {
  it('shows the feed, then a room move and a cancellation within one refresh, and keeps the last good agenda when the feed breaks', async () => {
    await rowHas('Saal 1', 'data-now', '101');
    await rowHas('Saal 1', 'data-next', '102');

    feed.set({ kind: 'body', text: frabJsonOf(moved, 0, 'UTC') });
    await rowHas('Saal 2', 'data-now', '101');

    feed.set({ kind: 'body', text: frabJsonOf(cancelled, 0, 'UTC') });
    await rowHas('Saal 1', 'data-cancelled', '102');
    await rowHas('Saal 1', 'data-next', '');
    expect(await page.locator('.schedule-row[data-room="Saal 1"] .cancelled-badge').count()).toBe(1);

    feed.set({ kind: 'body', text: '<html>Bad Gateway</html>', contentType: 'text/html' });
    const brokenAt = Date.now();
    await expect
      .poll(async () => (await health()).agenda?.problem?.message ?? '', { timeout: (REFRESH_S + 8) * 1000 })
      .toContain('does not read');
    const report = await health();
    expect(report.healthy).toBe(false);
    expect(report.agenda).toMatchObject({ ok: false, sessions: 2 });
    expect(report.agenda?.problem?.since).toBeGreaterThanOrEqual(brokenAt - REFRESH_S * 1000);
    await rowHas('Saal 2', 'data-now', '101');
    await rowHas('Saal 1', 'data-cancelled', '102');

    feed.set({ kind: 'status', status: 500 });
    await expect
      .poll(async () => (await health()).agenda?.problem?.message ?? '', { timeout: (REFRESH_S + 8) * 1000 })
      .toContain('HTTP 500');
    await rowHas('Saal 2', 'data-now', '101');
  });
});
