import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransitionName } from '../../src/core/playlist/types';
import type { ShowView } from '../../src/core/view/showView';
import {
  type Harness,
  openHarness,
  push,
  readPlaylist,
  sent,
  viewsOf,
  waitPresented,
} from './support/harness';

const DEMO = join(import.meta.dirname, '..', '..', 'assets', 'demo', 'playlist.json');

type Frame = Readonly<{ layers: number; opacity: number; transformed: boolean; seqs: string }>;

/** Starts recording, every animation frame, the slide layers on screen and their combined opacity. */
async function startRecording(h: Harness): Promise<void> {
  await h.page.evaluate(() => {
    const w = window as unknown as { __frames: Frame[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    const tick = (): void => {
      const layers = [...document.querySelectorAll<HTMLElement>('.layer')];
      w.__frames.push({
        layers: layers.length,
        opacity: layers.reduce((sum, l) => sum + Number(getComputedStyle(l).opacity), 0),
        transformed: layers.some((l) => {
          const t = getComputedStyle(l).transform;
          return t !== 'none' && t !== 'matrix(1, 0, 0, 1, 0, 0)';
        }),
        seqs: layers.map((l) => l.dataset.seq).join(','),
      });
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopRecording(h: Harness): Promise<Frame[]> {
  return h.page.evaluate(() => {
    const w = window as unknown as { __frames: Frame[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
}

describe('transitions', () => {
  let h: Harness;
  let views: ShowView[];
  let seq = 100;
  const next = (index: number, transition: TransitionName, extra: Partial<ShowView> = {}): ShowView => {
    const base = views[index];
    if (base === undefined) throw new Error(`the demo playlist has no slide ${index}`);
    seq += 1;
    return { ...base, seq, transition, ...extra };
  };

  beforeAll(async () => {
    h = await openHarness(DEMO);
    views = viewsOf(readPlaylist(DEMO));
    const first = next(0, 'cut');
    await push(h.page, first);
    await waitPresented(h.page, first.seq);
  });
  afterAll(async () => {
    await h.close();
  });

  for (const transition of ['fade', 'slide', 'zoom', 'cut'] as const) {
    it(`runs a ${transition} with a slide on screen in every frame and acknowledges the new seq once`, async () => {
      const view = next(2 + ['fade', 'slide', 'zoom', 'cut'].indexOf(transition), transition);
      await startRecording(h);
      await push(h.page, view);
      const ack = await waitPresented(h.page, view.seq);
      await h.page.waitForTimeout(150);
      const frames = await stopRecording(h);
      expect(ack).toEqual({ type: 'presented', seq: view.seq });
      expect(frames.length).toBeGreaterThan(3);
      expect(frames.filter((f) => f.layers === 0 || f.opacity < 0.9)).toEqual([]);
      expect(frames.at(-1)?.seqs).toBe(String(view.seq));
      if (transition !== 'cut') expect(frames.filter((f) => f.layers === 2).length).toBeGreaterThan(3);
      if (transition === 'slide' || transition === 'zoom')
        expect(frames.some((f) => f.transformed)).toBe(true);
      const acks = (await sent(h.page)).filter((m) => m.type === 'presented' && m.seq === view.seq);
      expect(acks).toHaveLength(1);
    });
  }

  /** Frames from the first frame that has `view`'s layer to the first that has its `mark` (user-timing, by seq). */
  const framesToMark = async (view: ShowView, mark: string): Promise<number> => {
    await h.page.evaluate(
      ({ seq, mark }) => {
        const w = window as unknown as { __watch: { mounted: number; marked: number; on: boolean } };
        const watch = { mounted: -1, marked: -1, on: true };
        w.__watch = watch;
        let frame = 0;
        const tick = (): void => {
          frame += 1;
          const has = document.querySelector(`.layer[data-seq="${seq}"]`) !== null;
          if (has && watch.mounted < 0) watch.mounted = frame;
          const marked = performance
            .getEntriesByName(mark)
            .some((e) => (e as PerformanceMark).detail?.seq === seq);
          if (marked && watch.marked < 0) watch.marked = frame;
          if (watch.on) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      },
      { seq: view.seq, mark },
    );
    await push(h.page, view);
    await waitPresented(h.page, view.seq);
    // Why: the watch sees a mark made after a frame only in the next one.
    await h.page.waitForFunction(() => {
      const w = window as unknown as { __watch: { marked: number } };
      return w.__watch.marked >= 0;
    });
    return h.page.evaluate(() => {
      const w = window as unknown as { __watch: { mounted: number; marked: number; on: boolean } };
      w.__watch.on = false;
      return w.__watch.marked - w.__watch.mounted;
    });
  };

  it('starts a cut as it mounts (nothing moves, so nothing waits for its first frame), a fade only after it', async () => {
    const cut = await framesToMark(next(3, 'cut'), 'marquee:enter-start');
    const fade = await framesToMark(next(4, 'fade'), 'marquee:enter-start');
    // Why: React may run the mount's effect after the frame that first shows the layer (so a cut can take one).
    expect(cut, `cut ${cut}, fade ${fade} frames`).toBeLessThanOrEqual(1);
    expect(fade, `cut ${cut}, fade ${fade} frames`).toBeGreaterThanOrEqual(2);
  });

  it('acknowledges a cut right after the first frame that shows it (a cut has fully entered there)', async () => {
    // Why: presented is what proof of play records and what the start bench times; a cut is whole on screen in
    // the frame that first has its layer, so its acknowledgement waits for that frame and no other.
    const frames: number[] = [];
    for (const index of [5, 6, 7]) frames.push(await framesToMark(next(index, 'cut'), 'marquee:presented'));
    expect(Math.max(...frames), `presented ${frames.join(', ')} frames after the layer first showed`).toBe(1);
  });

  it('keeps the old slide on screen until the new slide’s image has loaded', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    await h.page.route('**/media/speakers/community-expert.svg', async (route) => {
      await gate;
      await route.continue();
    });
    const before = next(0, 'cut');
    await push(h.page, before);
    await waitPresented(h.page, before.seq);
    await h.page.evaluate(() => {
      const w = window as unknown as { __entered: { complete: boolean; width: number }[] };
      w.__entered = [];
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) {
            if (n instanceof HTMLElement && n.classList.contains('layer')) {
              for (const img of n.querySelectorAll('img'))
                w.__entered.push({ complete: img.complete, width: img.naturalWidth });
            }
          }
        }
      }).observe(document.querySelector('.show') as Node, { childList: true });
    });
    const speaker = next(
      views.findIndex((v) => v.slide?.id === 'speaker-community-expert'),
      'fade',
    );
    expect(speaker.slide?.type).toBe('speaker');
    await push(h.page, speaker);
    await h.page.waitForTimeout(700);
    expect(
      await h.page.locator('.layer').evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.seq)),
    ).toEqual([String(before.seq)]);
    expect((await sent(h.page)).some((m) => m.type === 'presented' && m.seq === speaker.seq)).toBe(false);
    release();
    await waitPresented(h.page, speaker.seq);
    const entered = await h.page.evaluate(
      () => (window as unknown as { __entered: { complete: boolean; width: number }[] }).__entered,
    );
    expect(entered.length).toBeGreaterThan(0);
    expect(entered.every((i) => i.complete && i.width > 0)).toBe(true);
    await h.page.unroute('**/media/speakers/community-expert.svg');
  });

  it('reports a video’s own length with presented when the slide has no duration', async () => {
    const index = views.findIndex((v) => v.slide?.type === 'video' && v.slide.duration === undefined);
    expect(index).toBeGreaterThanOrEqual(0);
    const video = next(index, 'fade');
    await push(h.page, video);
    const ack = await waitPresented(h.page, video.seq, 15_000);
    expect(ack.type === 'presented' ? ack.mediaDurationMs : undefined).toBeGreaterThan(1000);
  });

  it('turns every transition into a short fade without movement when reduced motion is asked for', async () => {
    await h.page.emulateMedia({ reducedMotion: 'reduce' });
    const view = next(7, 'slide');
    await startRecording(h);
    await push(h.page, view);
    await waitPresented(h.page, view.seq);
    const frames = await stopRecording(h);
    await h.page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(frames.some((f) => f.transformed)).toBe(false);
    expect(frames.some((f) => f.layers === 2)).toBe(true);
  });

  it('holds a slide transition until the new slide has a painted frame, and never moves the old one out first', async () => {
    const before = next(4, 'cut');
    await push(h.page, before);
    await waitPresented(h.page, before.seq);
    await h.page.evaluate(() => {
      const w = window as unknown as { __poses: string[][]; __posing: boolean };
      w.__poses = [];
      w.__posing = true;
      const tick = (): void => {
        w.__poses.push(
          [...document.querySelectorAll<HTMLElement>('.layer')].map(
            (l) => `${l.dataset.seq}@${new DOMMatrix(getComputedStyle(l).transform).m41}`,
          ),
        );
        if (w.__posing) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const view = next(5, 'slide');
    await push(h.page, view);
    await waitPresented(h.page, view.seq);
    const poses = await h.page.evaluate(() => {
      const w = window as unknown as { __poses: string[][]; __posing: boolean };
      w.__posing = false;
      return w.__poses;
    });
    const both = poses.filter((p) => p.length === 2);
    // The first frame with both layers shows the new one still off screen to the right, the old one in place.
    expect(both[0]).toEqual([`${before.seq}@0`, `${view.seq}@1920`]);
    // Whenever the old slide has moved, the new one has moved in too: no background shows between them.
    const gaps = both.filter(([old, arriving]) => !old?.endsWith('@0') && arriving?.endsWith('@1920'));
    expect(gaps).toEqual([]);
    expect(both.some(([old]) => !old?.endsWith('@0'))).toBe(true);
  });

  it('ends on the newest slide, acknowledged once, when views arrive faster than transitions run', async () => {
    const burst = [next(2, 'fade'), next(3, 'zoom'), next(6, 'slide')];
    for (const view of burst) {
      await push(h.page, view);
      await h.page.waitForTimeout(60);
    }
    const last = burst[2];
    if (last === undefined) throw new Error('burst has three views');
    await waitPresented(h.page, last.seq);
    await h.page.waitForFunction(() => document.querySelectorAll('.layer').length === 1, undefined, {
      timeout: 10_000,
    });
    expect(
      await h.page.locator('.layer').evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.seq)),
    ).toEqual([String(last.seq)]);
    const acks = (await sent(h.page)).filter((m) => m.type === 'presented' && m.seq === last.seq);
    expect(acks).toHaveLength(1);
  });

  it('acknowledges each seq once even when the same view is pushed again with changes', async () => {
    const view = next(1, 'cut');
    await push(h.page, view);
    await waitPresented(h.page, view.seq);
    await push(h.page, { ...view, paused: true });
    await h.page.locator('[data-paused]').waitFor();
    await h.page.waitForTimeout(300);
    expect((await sent(h.page)).filter((m) => m.type === 'presented' && m.seq === view.seq)).toHaveLength(1);
  });
});

describe("the page's first slide", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(DEMO);
  });
  afterAll(async () => {
    await h.close();
  });

  it('is cut in, fully opaque in its first frame, and the next slide still runs its own transition', async () => {
    const views = viewsOf(readPlaylist(DEMO));
    const [first, second] = [views[0], views[2]];
    if (first === undefined || second === undefined) throw new Error('the demo playlist has 3 slides');
    await startRecording(h);
    await push(h.page, { ...first, seq: 1, transition: 'fade' });
    await waitPresented(h.page, 1);
    const frames = await stopRecording(h);
    const shown = frames.filter((f) => f.layers > 0);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((f) => f.opacity < 0.99)).toEqual([]);
    await startRecording(h);
    await push(h.page, { ...second, seq: 2, transition: 'fade' });
    await waitPresented(h.page, 2);
    const next = await stopRecording(h);
    expect(next.filter((f) => f.layers === 2).length).toBeGreaterThan(3);
  });
});

describe('overlays, blackout and keys', () => {
  let h: Harness;
  let view: ShowView;
  beforeAll(async () => {
    h = await openHarness(DEMO);
    const first = viewsOf(readPlaylist(DEMO))[2];
    if (first === undefined) throw new Error('the demo playlist has too few slides');
    view = { ...first, seq: 1, transition: 'cut' };
    await push(h.page, view);
    await waitPresented(h.page, 1);
  });
  afterAll(async () => {
    await h.close();
  });

  it('draws an urgent announcement over the slide and takes it away again', async () => {
    await push(h.page, {
      ...view,
      announcement: { id: 7, text: { zh: '请立即离场', en: 'Leave now' }, style: 'urgent' },
    });
    await h.page.locator('[data-overlay-announcement="7"] [data-announcement="urgent"]').waitFor();
    expect(await h.page.locator('.layer').count()).toBe(1);
    await push(h.page, { ...view, announcement: null });
    await h.page.locator('[data-overlay-announcement]').waitFor({ state: 'detached' });
  });

  it('blacks out the whole window and comes back to the same slide', async () => {
    await push(h.page, { ...view, blackout: true });
    await h.page.locator('[data-blackout]').waitFor();
    const covered = await h.page.evaluate(() => {
      const points: [number, number][] = [
        [1, 1],
        [innerWidth / 2, innerHeight / 2],
        [innerWidth - 2, innerHeight - 2],
      ];
      return points.map(([x, y]) => {
        const el = document.elementFromPoint(x, y) as HTMLElement | null;
        return el?.dataset.blackout !== undefined && getComputedStyle(el).backgroundColor === 'rgb(0, 0, 0)';
      });
    });
    expect(covered).toEqual([true, true, true]);
    await push(h.page, { ...view, blackout: false });
    await h.page.locator('[data-blackout]').waitFor({ state: 'detached' });
    expect(await h.page.locator('.layer').getAttribute('data-seq')).toBe('1');
  });

  it('sends clicker keys only when the screen has the keyboard enabled', async () => {
    const keysSent = async (): Promise<string[]> =>
      (await sent(h.page)).flatMap((m) => (m.type === 'key' ? [m.action] : []));
    await h.page.keyboard.press('ArrowRight');
    expect(await keysSent()).toEqual([]);
    await push(h.page, { ...view, keyboard: true });
    await h.page.locator('[data-keyboard="on"]').waitFor();
    for (const key of ['ArrowRight', 'PageDown', 'Space', 'ArrowLeft', 'PageUp', 'p', 'b', 'x']) {
      await h.page.keyboard.press(key);
    }
    await h.page.waitForTimeout(100);
    expect(await keysSent()).toEqual([
      'next',
      'next',
      'next',
      'prev',
      'prev',
      'toggle-pause',
      'toggle-blackout',
    ]);
  });

  it('shows the idle screen with the event name and a running clock when nothing is on', async () => {
    await push(h.page, { ...view, seq: 2, slide: null, position: null, durationMs: null });
    await waitPresented(h.page, 2);
    const idle = h.page.locator('.layer[data-seq="2"] [data-idle]');
    await expect(idle.locator('.idle-name').textContent()).resolves.toContain('Flink Forward China 2018');
    const first = await idle.locator('[data-clock]').textContent();
    expect(first).toMatch(/^\d\d:\d\d$/);
    expect(h.errors).toEqual([]);
  });
});
