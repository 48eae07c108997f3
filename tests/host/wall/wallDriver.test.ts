import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FREE_RUNNING, wallPositionAt } from '../../../src/core/wall/wallRotation';
import { wallSlidesAt } from '../../../src/core/wall/wallSlides';
import { ManualClock, offsetClock } from '../../../src/host/clock';
import { PlayerHost } from '../../../src/host/PlayerHost';
import { startWallDriver, WALL_LEAD_MS, type WallDriver } from '../../../src/host/wall/wallDriver';
import { WallSetting } from '../../../src/host/wall/wallSetting';
import { playlist, slide } from '../../core/player/playlistBuilder';

const START = Date.parse('2018-12-20T09:00:03.250+08:00');
const show = playlist([slide('a', { duration: 4 }), slide('b', { duration: 7 }), slide('c')], 5);

let dir: string;
const running: { host: PlayerHost; driver: WallDriver }[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-wall-'));
});

afterEach(async () => {
  for (const { host, driver } of running.splice(0)) {
    driver.stop();
    await host.stop();
  }
  await rm(dir, { recursive: true, force: true });
});

/** One wall member on `base`, its own clock `skewMs` off, knowing fleet time exactly. */
async function member(base: ManualClock, column: number, skewMs: number) {
  const file = join(dir, 'playlist.json');
  await writeFile(file, JSON.stringify(show));
  const clock = offsetClock(skewMs, base);
  const logger = pino({ level: 'silent' });
  const host = await PlayerHost.start({
    playlistFile: file,
    stateDir: join(dir, `state-${column}`),
    clock,
    logger,
  });
  const setting = WallSetting.parse({ name: 'lobby', columns: 3, column });
  const driver = startWallDriver({
    setting,
    host,
    clock,
    logger,
    fleetTime: () => ({ offsetMs: -skewMs, errorMs: 1, source: 'bus', measuredAt: START }),
  });
  running.push({ host, driver });
  return { host, driver, clock };
}

const onScreen = (host: PlayerHost) => host.status().slide?.id;

describe('the wall driver', () => {
  it('plays the wall rotation of fleet time, putting each slide up ahead and flipping it at the change', async () => {
    const base = new ManualClock(START);
    const { host } = await member(base, 0, 0);
    const slides = wallSlidesAt(show, START);
    expect(onScreen(host)).toBe(wallPositionAt(slides, FREE_RUNNING, START)?.slideId);
    const next = wallPositionAt(slides, FREE_RUNNING, START)?.endsAt ?? 0;
    base.advance(next - WALL_LEAD_MS - START - 1);
    const before = host.getView();
    base.advance(1);
    const cued = host.getView();
    expect(cued.seq).toBe(before.seq + 1);
    expect(cued.slide?.id).toBe(wallPositionAt(slides, FREE_RUNNING, next)?.slideId);
    expect(cued.flipAt).toBe(next);
  });

  it('the first view pushed of a cued slide already carries flipAt (the renderer must not start it early)', async () => {
    const base = new ManualClock(START);
    const { host } = await member(base, 0, 0);
    const pushed: { seq: number; flipAt: number | undefined }[] = [];
    host.onView((view) => pushed.push({ seq: view.seq, flipAt: view.flipAt }));
    base.advance(12_000);
    const seqs = [...new Set(pushed.map((v) => v.seq))];
    expect(seqs.length).toBeGreaterThan(1);
    for (const seq of seqs) expect(pushed.find((v) => v.seq === seq)?.flipAt).toBeTypeOf('number');
  });

  it('a cue that moves a change still ahead to the same slide moves its flip (next just before the rotation does)', async () => {
    const base = new ManualClock(START);
    const { host, driver } = await member(base, 0, 0);
    const slides = wallSlidesAt(show, START);
    const change = wallPositionAt(slides, FREE_RUNNING, START)?.endsAt ?? 0;
    const upcoming = wallPositionAt(slides, FREE_RUNNING, change)?.slideId ?? '';
    base.advance(change - START - 200);
    expect(host.getView()).toMatchObject({ flipAt: change, slide: { id: upcoming } });
    driver.cue({ kind: 'running', slideId: upcoming, at: change - 100 });
    expect(host.getView()).toMatchObject({ flipAt: change - 100, slide: { id: upcoming } });
  });

  it('a change put up after its instant flips at once and is reported with the frames it came late', async () => {
    const base = new ManualClock(START);
    const { host, driver } = await member(base, 0, 0);
    // A cue that crossed a slow bus: its instant passed 120 ms ago (7 frames at 60 Hz).
    driver.cue({ kind: 'running', slideId: 'c', at: START - 120 });
    const view = host.getView();
    expect(view).toMatchObject({ flipAt: START, slide: { id: 'c' } });
    host.dispatch({ type: 'presented', seq: view.seq, paintedAt: START + 5, missedFrames: 0 }, 'renderer');
    expect(driver.health().shown).toMatchObject({ slideId: 'c', plannedAt: START - 120, missedFrames: 7 });
  });

  it('members whose clocks disagree flip at the same fleet instant and agree on every slide', async () => {
    const base = new ManualClock(START);
    const members = [await member(base, 0, -150), await member(base, 1, 0), await member(base, 2, 200)];
    const flips: number[][] = members.map(() => []);
    for (let t = 0; t < 120_000; t += 50) {
      base.advance(50);
      const ids = members.map((m) => onScreen(m.host));
      expect(new Set(ids).size).toBe(1);
      members.forEach((m, i) => {
        const view = m.host.getView();
        const fleetFlip = view.flipAt === undefined ? undefined : view.flipAt - (m.clock.now() - base.now());
        if (fleetFlip !== undefined && flips[i]?.at(-1) !== fleetFlip) flips[i]?.push(fleetFlip);
      });
    }
    expect(flips[0]?.length).toBeGreaterThan(15);
    expect(flips[1]).toEqual(flips[0]);
    expect(flips[2]).toEqual(flips[0]);
  });

  it('changes slide only when the wall does, though the renderer acknowledges (the player never runs ahead)', async () => {
    const base = new ManualClock(START);
    const { host } = await member(base, 1, 0);
    const changedAt: number[] = [];
    let seq = host.getView().seq;
    for (let t = 0; t < 60_000; t += 10) {
      base.advance(10);
      const view = host.getView();
      if (view.seq !== seq) {
        changedAt.push(base.now());
        seq = view.seq;
        host.dispatch({ type: 'presented', seq }, 'renderer');
      }
    }
    const slides = wallSlidesAt(show, START);
    const cueTimes: number[] = [];
    let p = wallPositionAt(slides, FREE_RUNNING, START);
    while (p?.endsAt && p.endsAt - WALL_LEAD_MS <= START + 60_000) {
      // Put up within one step (10 ms) after the lead time before each change of the wall.
      cueTimes.push(Math.ceil((p.endsAt - WALL_LEAD_MS - START) / 10) * 10 + START);
      p = wallPositionAt(slides, FREE_RUNNING, p.endsAt);
    }
    expect(changedAt).toEqual(cueTimes);
  });

  it("marks every view with the screen's place, and the cued one with the wall's start of its slide", async () => {
    const base = new ManualClock(START);
    const { host } = await member(base, 2, 200);
    const first = wallPositionAt(wallSlidesAt(show, START), FREE_RUNNING, START);
    const joined = host.getView();
    // Joined mid-slide: it flips at once, and a spanned video counts from the wall's start, before the flip.
    expect(joined.wall).toEqual({
      columns: 3,
      rows: 1,
      column: 2,
      row: 0,
      bezel: { x: 0, y: 0 },
      startedAt: (first?.startedAt ?? 0) + 200,
    });
    expect(joined.flipAt).toBe(START + 200);
    expect(joined.wall?.startedAt).toBeLessThan(joined.flipAt ?? 0);
    const end = first?.endsAt ?? 0;
    base.advance(end - START);
    expect(host.getView().wall?.startedAt).toBe(end + 200);
    host.dispatch({ type: 'goto', target: 'c' }, 'remote');
    const staff = host.getView();
    expect(staff.slide?.id).toBe('c');
    expect(staff.wall).toEqual({ columns: 3, rows: 1, column: 2, row: 0, bezel: { x: 0, y: 0 } });
  });

  it('reports the first painted frame in fleet time', async () => {
    const base = new ManualClock(START);
    const { host, driver } = await member(base, 2, 200);
    const end = wallPositionAt(wallSlidesAt(show, START), FREE_RUNNING, START)?.endsAt ?? 0;
    base.advance(end - START);
    const view = host.getView();
    host.dispatch({ type: 'presented', seq: view.seq, paintedAt: (view.flipAt ?? 0) + 3 }, 'renderer');
    expect(driver.health()).toMatchObject({
      name: 'lobby',
      column: 2,
      shown: { slideId: view.slide?.id, shownAt: end + 3 },
      fleetTime: { offsetMs: -200, source: 'bus' },
    });
  });

  it("reports a spanned video's media time in fleet time, only for the slide the wall put up", async () => {
    const base = new ManualClock(START);
    const { host, driver } = await member(base, 1, 200);
    const end = wallPositionAt(wallSlidesAt(show, START), FREE_RUNNING, START)?.endsAt ?? 0;
    base.advance(end - START);
    const view = host.getView();
    const at = (view.flipAt ?? 0) + 2_000;
    host.dispatch({ type: 'video-time', seq: view.seq - 1, mediaS: 9, at, playbackRate: 1 }, 'renderer');
    expect(driver.health().video).toBeNull();
    host.dispatch({ type: 'video-time', seq: view.seq, mediaS: 1.98, at, playbackRate: 1.02 }, 'renderer');
    expect(driver.health().video).toEqual({
      slideId: view.slide?.id,
      mediaS: 1.98,
      at: end + 2_000,
      playbackRate: 1.02,
    });
    expect(host.getView().seq).toBe(view.seq);
  });

  it("asks for the status again with a video's media time when it starts, its rate changes, or every 5 s", async () => {
    const base = new ManualClock(START);
    const { host, driver } = await member(base, 1, 0);
    const end = wallPositionAt(wallSlidesAt(show, START), FREE_RUNNING, START)?.endsAt ?? 0;
    base.advance(end - START);
    const { seq } = host.getView();
    let asked = 0;
    driver.onChange(() => {
      asked += 1;
    });
    const report = (at: number, playbackRate: number) =>
      host.dispatch({ type: 'video-time', seq, mediaS: (at - end) / 1000, at, playbackRate }, 'renderer');
    report(end + 500, 1);
    expect(asked).toBe(1);
    report(end + 1_000, 1);
    report(end + 1_500, 1.001);
    expect(asked).toBe(1);
    report(end + 2_000, 1.03);
    expect(asked).toBe(2);
    report(end + 6_000, 1.03);
    expect(asked).toBe(2);
    report(end + 7_000, 1.03);
    expect(asked).toBe(3);
  });
});

describe('WallSetting', () => {
  it('names the fix for a screen outside its wall', () => {
    const bad = WallSetting.safeParse({ name: 'lobby', columns: 3, column: 3 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/must be less than columns \(3\)/);
    expect(WallSetting.parse({ name: 'lobby', columns: 2, column: 1 })).toEqual({
      name: 'lobby',
      columns: 2,
      rows: 1,
      column: 1,
      row: 0,
      bezel: { x: 0, y: 0 },
    });
  });
});
