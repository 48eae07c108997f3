import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, Text } from '../../src/core/playlist/types';
import type { ShowView } from '../../src/core/view/showView';
import {
  type Harness,
  layoutProblems,
  openHarness,
  push,
  readPlaylist,
  SIZES,
  settle,
  viewsOf,
  waitPresented,
} from './support/harness';

const STRESS = join(import.meta.dirname, '..', 'fixtures', 'playlists', 'valid', 'stress.json');
const SCREENS = join(import.meta.dirname, '..', '..', 'test-results', 'screens');
const playlist = readPlaylist(STRESS);
const sessions: readonly Session[] = playlist.sessions ?? [];

// Why: computed here without the app's timezone code; Asia/Shanghai is UTC+8 all year (no DST since 1991).
const SHANGHAI_MS = 8 * 3_600_000;
const at = (local: string): number => Date.parse(`${local}:00Z`) - SHANGHAI_MS;
const localDate = (instant: number): string => new Date(instant + SHANGHAI_MS).toISOString().slice(0, 10);
const keyOf = (room: Text): string =>
  typeof room === 'string' ? room : JSON.stringify(Object.entries(room).sort());

type Row = Readonly<{ room: string; now: string; next: string }>;

/** The rows the schedule should show at `t`, worked out from the fixture's sessions. */
function expectedRows(t: number, rooms?: readonly string[]): Row[] {
  const order: string[] = [];
  const byRoom = new Map<string, Session[]>();
  for (const s of sessions) {
    const names = typeof s.room === 'string' ? [s.room] : Object.values(s.room);
    if (rooms !== undefined && !names.some((n) => rooms.includes(n))) continue;
    const key = keyOf(s.room);
    if (!byRoom.has(key)) order.push(key);
    byRoom.set(key, [...(byRoom.get(key) ?? []), s]);
  }
  const today = localDate(t);
  const rows: Row[] = [];
  for (const key of order) {
    const list = byRoom.get(key) ?? [];
    const running = list.filter((s) => at(s.starts) <= t && t < at(s.ends));
    expect(running.length, `the fixture has overlapping sessions in ${key}`).toBeLessThanOrEqual(1);
    const later = list
      .filter((s) => at(s.starts) > t && s.starts.startsWith(today))
      .sort((a, b) => at(a.starts) - at(b.starts));
    if (running.length === 0 && !list.some((s) => s.starts.startsWith(today))) continue;
    rows.push({ room: key, now: running[0]?.id ?? '', next: later[0]?.id ?? '' });
  }
  return rows;
}

/** The schedule-many slide's view at `t`, with its own seq, duration and (optionally) room filter. */
function scheduleView(seq: number, t: number, durationMs: number, rooms?: readonly string[]): ShowView {
  const base = viewsOf(playlist).find((v) => v.slide?.id === 'schedule-many');
  if (base === undefined || base.slide?.type !== 'schedule')
    throw new Error('stress.json lost schedule-many');
  const slide = rooms === undefined ? base.slide : { ...base.slide, rooms: [...rooms] };
  return { ...base, seq, now: t, durationMs, transition: 'cut', slide };
}

/** What the slide shows now: its page count, the page on screen, and that page's rows. */
async function shownPage(h: Harness, seq: number): Promise<{ pages: number; page: number; rows: Row[] }> {
  return h.page.evaluate((s) => {
    const table = document.querySelector<HTMLElement>(`.layer[data-seq="${s}"] .schedule-table`);
    if (table === null) return { pages: 0, page: 0, rows: [] };
    const page = table.dataset.page ?? '0';
    const rows = [
      ...table.querySelectorAll<HTMLElement>(`.schedule-page[data-page="${page}"] [data-room]`),
    ].map((r) => ({ room: r.dataset.room ?? '', now: r.dataset.now ?? '', next: r.dataset.next ?? '' }));
    return { pages: Number(table.dataset.pages), page: Number(page), rows };
  }, seq);
}

/** Boxes of the schedule whose content is cut off by their own box or their row (both clip). */
async function clipped(h: Harness, seq: number): Promise<string[]> {
  return h.page.evaluate((s) => {
    const out: string[] = [];
    const layer = document.querySelector(`.layer[data-seq="${s}"]`);
    if (layer === null) return ['no layer'];
    const page = layer.querySelector('.schedule-table')?.getAttribute('data-page') ?? '0';
    const scope = layer.querySelector(`.schedule-page[data-page="${page}"]`) ?? layer;
    const name = (el: Element): string =>
      `${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    for (const el of scope.querySelectorAll<HTMLElement>('.schedule-row, .cell, .inline-text')) {
      if (el.scrollHeight > el.clientHeight + 1)
        out.push(`${name(el)} cut ${el.scrollHeight - el.clientHeight}px`);
      if (el.scrollWidth > el.clientWidth + 1)
        out.push(`${name(el)} cut ${el.scrollWidth - el.clientWidth}px wide`);
    }
    for (const row of scope.querySelectorAll<HTMLElement>('.schedule-row')) {
      const r = row.getBoundingClientRect();
      const p = row.parentElement?.getBoundingClientRect();
      if (p !== undefined && r.bottom > p.bottom + 2) out.push(`${name(row)} below its page`);
      for (const box of row.querySelectorAll<HTMLElement>('[data-fit], .inline-text')) {
        const b = box.getBoundingClientRect();
        if (b.height > 0 && (b.top < r.top - 1 || b.bottom > r.bottom + 1))
          out.push(`${name(box)} outside its row`);
      }
    }
    return out;
  }, seq);
}

/**
 * Watches the slide for its whole time and returns each page's rows as first seen, after checking
 * the page (and running `onPage` on it) once it is painted.
 */
async function watchPages(
  h: Harness,
  view: ShowView,
  onPage: (page: number) => Promise<void>,
): Promise<{ pages: number; seen: Map<number, Row[]> }> {
  await push(h.page, view);
  await waitPresented(h.page, view.seq);
  const seen = new Map<number, Row[]>();
  let pages = 1;
  const until = Date.now() + (view.durationMs ?? 0) * 2.5;
  do {
    const shown = await shownPage(h, view.seq);
    pages = shown.pages;
    if (!seen.has(shown.page) && shown.rows.length > 0) {
      seen.set(shown.page, shown.rows);
      await h.page.waitForFunction(
        ([s, p]) => {
          const el = document.querySelector(`.layer[data-seq="${s}"] .schedule-page[data-page="${p}"]`);
          return el === null || getComputedStyle(el).opacity === '1';
        },
        [view.seq, shown.page],
        { timeout: 5_000 },
      );
      await settle(h.page);
      await onPage(shown.page);
    }
    if (seen.size >= pages && pages > 0) break;
    await h.page.waitForTimeout(120);
  } while (Date.now() < until);
  return { pages, seen };
}

describe('schedule slide with many rooms', () => {
  let h: Harness;
  let seq = 5000;
  beforeAll(async () => {
    h = await openHarness(STRESS);
  });
  afterAll(async () => {
    await h?.close();
  });

  const moments = ['2018-12-20T09:45', '2018-12-20T10:05', '2018-12-20T11:35', '2018-12-20T16:10'];
  it('shows the right now and next per room, every room once over the slide time', async () => {
    await h.page.setViewportSize({ width: 1920, height: 1080 });
    for (const local of moments) {
      const t = at(local);
      const view = scheduleView(++seq, t, 3_000);
      const { pages, seen } = await watchPages(h, view, async () => undefined);
      expect(seen.size, `${local}: pages seen`).toBe(pages);
      const all = [...seen.keys()].sort((a, b) => a - b).flatMap((p) => seen.get(p) ?? []);
      expect(all, local).toEqual(expectedRows(t));
      expect(new Set(all.map((r) => r.room)).size).toBe(all.length);
    }
    expect(h.errors).toEqual([]);
  }, 180_000);

  it('says the day is over once every session has ended, names the next day’s first session, and skips rooms not used today', async () => {
    const evening = scheduleView(++seq, at('2018-12-20T18:30'), 4_000);
    await push(h.page, evening);
    await waitPresented(h.page, evening.seq);
    const layer = h.page.locator(`.layer[data-seq="${evening.seq}"]`);
    await expect(layer.locator('.schedule-empty').count()).resolves.toBe(1);
    const tomorrow = sessions
      .filter((s) => s.cancelled !== true && s.starts.slice(0, 10) > '2018-12-20')
      .sort((a, b) => at(a.starts) - at(b.starts))[0];
    expect(tomorrow, 'the fixture has sessions on 21 December').toBeDefined();
    await expect(layer.locator('.schedule-empty').getAttribute('data-later')).resolves.toBe(tomorrow?.id);
    await expect(layer.locator('.schedule-later').textContent()).resolves.toContain('12月21日');
    const training = at('2018-12-21T10:00');
    const dayTwo = scheduleView(++seq, training, 4_000);
    const { seen } = await watchPages(h, dayTwo, async () => undefined);
    const rooms = [...seen.keys()].sort((a, b) => a - b).flatMap((p) => seen.get(p) ?? []);
    expect(rooms).toEqual(expectedRows(training));
    expect(rooms.length).toBeLessThan(expectedRows(at('2018-12-20T10:05')).length);
  });

  const roomNames = [
    ...new Set(sessions.map((s) => (typeof s.room === 'string' ? s.room : (s.room.en ?? '')))),
  ];
  for (const size of SIZES) {
    it(`fits 1 to 8 rooms at ${size.name}, nothing clipped on any page`, async () => {
      await h.page.setViewportSize({ width: size.width, height: size.height });
      const dir = join(SCREENS, size.name);
      mkdirSync(dir, { recursive: true });
      const t = at('2018-12-20T10:05');
      const problems: string[] = [];
      for (let count = 1; count <= 8; count++) {
        const rooms = roomNames.slice(0, count);
        const view = scheduleView(++seq, t, 8_000, rooms);
        const { pages, seen } = await watchPages(h, view, async (page) => {
          for (const p of await layoutProblems(h.page, view.seq))
            problems.push(`${count} rooms p${page}: ${p}`);
          for (const p of await clipped(h, view.seq)) problems.push(`${count} rooms p${page}: ${p}`);
          // Why: a 4K screenshot costs seconds on a loaded machine; three room counts show the layouts.
          if (size.width < 3840 || [1, 3, 8].includes(count))
            await h.page.screenshot({ path: join(dir, `schedule-${count}-rooms-p${page + 1}.png`) });
        });
        expect(seen.size, `${count} rooms: every page shown`).toBe(pages);
        const all = [...seen.keys()].sort((a, b) => a - b).flatMap((p) => seen.get(p) ?? []);
        expect(all).toEqual(expectedRows(t, rooms));
      }
      expect(problems).toEqual([]);
      expect(h.errors).toEqual([]);
    }, 240_000);
  }
});
