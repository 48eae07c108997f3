import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticePlaylist, numberedNotices } from '../support/noticePlaylist';
import {
  mostMissed,
  onTime,
  spreadOf,
  startWallHarness,
  type WallChange,
  type WallHarness,
} from '../support/wallPages';

// Three Chromium pages as a 3×1 wall, each `marquee serve` with its own injected clock offset, through the real
// hub (embedded broker) behind a TCP proxy. Slides last 1 s (the shortest a playlist allows) so 30 changes take
// 30 s; the test clock is not sped up, because a frame is 16.7 ms of real time and the spread is measured in it.
// A page on this shared 2-core machine sometimes flips late (its main thread starved, or the slide put up too
// late) and says by how many frames (`missedFrames` in the status). Changes where no page was late are held to
// one frame; the others must be apart by no more than the frames their pages report.

const OFFSETS = [-150, 0, 200] as const;
/**
 * One frame apart, as this machine delivers frames: 16.7 ms at 60 Hz, plus 1 ms for the jitter of the frame
 * interval on a loaded machine. Two pages that split across adjacent frames (the instant near the middle of two
 * frames) are one frame interval apart, which under load measured up to 16.9 ms.
 */
const FRAME_MS = 1000 / 60 + 1;
/** The bus stays cut this long: the issue's 60 s, long enough for the reconnect back-off to reach 30 s. */
const CUT_MS = 60_000;

let wall: WallHarness;

beforeAll(async () => {
  wall = await startWallHarness({
    offsets: OFFSETS,
    playlist: noticePlaylist(numberedNotices(4), { duration: 1, transition: 'cut' }),
  });
  await wall.converged(3);
}, 120_000);

afterAll(async () => {
  await wall?.stop();
});

const worst = (changes: readonly WallChange[]) => Math.max(...changes.map(spreadOf));
const describeSpreads = (changes: readonly WallChange[]) =>
  changes
    .map(
      (c) =>
        `${c.slideId}@${c.plannedAt}: ${spreadOf(c).toFixed(1)} ms${onTime(c) ? '' : ` (missed ${mostMissed(c)})`}`,
    )
    .join(', ');

/** A change is together: within one frame, plus the frames a page reported missing (a starved machine). */
function expectTogether(changes: readonly WallChange[]): void {
  for (const change of changes) {
    expect(spreadOf(change), describeSpreads(changes)).toBeLessThanOrEqual(
      (1 + mostMissed(change)) * FRAME_MS,
    );
  }
}

/** Waits for the change planned at fleet time `at` painted by every screen. */
async function changeAt(at: number, limitMs = 10_000): Promise<WallChange> {
  const found = (await wall.waitForChanges(1, at, limitMs)).find((c) => c.plannedAt === at);
  if (found === undefined) {
    throw new Error(`no change planned at ${at}; got ${describeSpreads(wall.changes(at - 2_000))}`);
  }
  return found;
}

describe('a 3×1 wall whose clocks disagree (−150, 0, +200 ms)', () => {
  it('each screen measures its offset to the hub within a few ms of the injected truth', () => {
    for (const screen of wall.screens) {
      const fleetTime = wall.latest().get(screen.name)?.wall?.fleetTime;
      expect(fleetTime?.source, screen.name).toBe('bus');
      // Fleet time = its clock + offset, and its clock is offsetMs ahead of the hub's.
      expect(Math.abs((fleetTime?.offsetMs ?? Number.NaN) + screen.offsetMs), screen.name).toBeLessThan(3);
      expect(fleetTime?.errorMs ?? Number.NaN, screen.name).toBeLessThan(10);
    }
  });

  it('changes slide as one: every pairwise spread of shownAt within one frame over 30 changes', async () => {
    const since = wall.fleetNow() + 2_000;
    const deadline = Date.now() + 120_000;
    const stopWatching = wall.watchHealth();
    while (wall.changes(since).filter(onTime).length < 30 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
    }
    await stopWatching();
    const all = wall.changes(since);
    const changes = all.filter(onTime).slice(0, 30);
    expect(changes, describeSpreads(all)).toHaveLength(30);
    expect(worst(changes), describeSpreads(changes)).toBeLessThanOrEqual(FRAME_MS);
    expectTogether(all);
    expect(changes.length / all.length, describeSpreads(all)).toBeGreaterThanOrEqual(0.5);
    // The rotation agrees: each change is one slide on per second since the one before.
    for (const [i, change] of all.entries()) {
      const before = all[i - 1];
      if (before === undefined) continue;
      const steps = Math.round((change.plannedAt - before.plannedAt) / 1_000);
      expect(Number(change.slideId.slice(1)), describeSpreads(all)).toBe(
        (Number(before.slideId.slice(1)) + steps) % 4,
      );
    }
  }, 150_000);

  it('a wall command through the hub flips all three at one fleet instant', async () => {
    // Two slides on from the one on the wall, so the cue changes it whichever change comes first.
    const current = Number(wall.latest().get('lobby-1')?.slide?.id.slice(1));
    const target = `s${(current + 2) % 4}`;
    const sent = await wall.hub.link.send({
      target: { kind: 'screen', screen: 'lobby-1' },
      command: { type: 'goto', slide: target },
    });
    const cue = sent.cues?.find((c) => c.wall === 'lobby');
    expect(cue, JSON.stringify(sent)).toBeDefined();
    expect(sent.replies.map((r) => r.reply.ok)).toEqual([true]);
    const change = await changeAt(cue?.at ?? Number.NaN);
    expect(change.slideId).toBe(target);
    expectTogether([change]);
  }, 30_000);

  it('pause and resume through the hub hold and restart the whole wall', async () => {
    const paused = await wall.hub.link.send({ target: { kind: 'all' }, command: { type: 'pause' } });
    const heldAt = paused.cues?.[0]?.at ?? Number.NaN;
    try {
      await new Promise((r) => setTimeout(r, 2_500));
      for (const screen of wall.screens) {
        const status = wall.latest().get(screen.name);
        expect(status?.wall?.anchor.kind, screen.name).toBe('held');
        expect(status?.paused, screen.name).toBe(true);
      }
      expect(wall.changes(heldAt + 1)).toEqual([]);
    } catch (err) {
      await wall.hub.link.send({ target: { kind: 'all' }, command: { type: 'resume' } });
      throw err;
    }
    const resumed = await wall.hub.link.send({ target: { kind: 'all' }, command: { type: 'resume' } });
    const restart = resumed.cues?.[0]?.at ?? Number.NaN;
    const next = await changeAt(restart + 1_000);
    expectTogether([next]);
  }, 30_000);

  it("the leader's local controls cue the wall; another member's are refused, naming the leader", async () => {
    const refused = await wall.local('lobby-2', { type: 'next', id: 'k-2' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(JSON.stringify(refused)).toContain('leader (column 1, row 1)');
    const current = Number(wall.latest().get('lobby-0')?.slide?.id.slice(1));
    const target = `s${(current + 2) % 4}`;
    const before = wall.fleetNow();
    const reply = await wall.local('lobby-0', { type: 'goto', slide: target, id: 'k-1' });
    expect(reply).toMatchObject({ ok: true });
    // The cue's change, 300 ms on: wait for it (a change of the rotation may come first).
    const isCued = (c: WallChange) => c.slideId === target && c.plannedAt < before + 1_000;
    const deadline = Date.now() + 10_000;
    while (!wall.changes(before).some(isCued) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const changes = wall.changes(before);
    const cued = changes.find(isCued);
    expect(cued, describeSpreads(changes)).toBeDefined();
    expectTogether([cued as WallChange]);
  }, 30_000);

  it('keeps changing together while the bus is cut for 60 s, and rejoins cleanly', async () => {
    const stopWatching = wall.watchHealth();
    try {
      const cutAt = wall.fleetNow();
      wall.proxy.partition();
      await new Promise((r) => setTimeout(r, CUT_MS));
      const during = wall.changes(cutAt + 1_000).filter((c) => c.plannedAt < cutAt + CUT_MS - 1_000);
      expect(during.length).toBeGreaterThanOrEqual(CUT_MS / 1_000 - 6);
      expectTogether(during);
      expect(worst(during.filter(onTime)), describeSpreads(during)).toBeLessThanOrEqual(FRAME_MS);
      const restoredAt = Date.now();
      wall.proxy.heal();
      const deadline = Date.now() + 45_000;
      const rejoined = () =>
        wall.screens.every((s) => {
          const status = wall.latest().get(s.name);
          return (
            (status?.at ?? 0) - s.offsetMs > restoredAt &&
            (status?.wall?.fleetTime.measuredAt ?? 0) - s.offsetMs > restoredAt
          );
        });
      while (!rejoined() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(
        rejoined(),
        JSON.stringify([...wall.latest().values()].map((s) => [s.screen, s.at, s.wall?.fleetTime])),
      ).toBe(true);
      const sent = await wall.hub.link.send({ target: { kind: 'all' }, command: { type: 'next' } });
      expect(sent.replies).toHaveLength(3);
      const change = await changeAt(sent.cues?.[0]?.at ?? Number.NaN);
      expectTogether([change]);
    } finally {
      await stopWatching();
    }
  }, 180_000);
});
