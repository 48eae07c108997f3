import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowView } from '../../src/core/view/showView';
import {
  type Harness,
  layoutProblems,
  openHarness,
  push,
  readPlaylist,
  SIZES,
  sent,
  settle,
  viewsOf,
  waitPresented,
  waitShown,
} from './support/harness';

const root = join(import.meta.dirname, '..', '..');
const STRESS = join(root, 'tests', 'fixtures', 'playlists', 'valid', 'stress.json');
const DEMO = join(root, 'assets', 'demo', 'playlist.json');
const SCREENS = join(root, 'test-results', 'screens');

/** Views of a playlist for the layout sweep: cut transitions (nothing moving while measured) and an idle view. */
function sweep(file: string, seqBase: number): ShowView[] {
  const views = viewsOf(readPlaylist(file), seqBase).map((v) => ({ ...v, transition: 'cut' as const }));
  const first = views[0];
  if (first === undefined) return views;
  return [
    ...views,
    { ...first, seq: seqBase + 900, slide: null, position: null, durationMs: null, upcoming: null },
  ];
}

function label(view: ShowView): string {
  return view.slide === null ? 'idle' : `${view.slide.type}-${view.slide.id}`;
}

describe.each([
  { deck: 'stress', file: STRESS, seqBase: 1000 },
  { deck: 'demo', file: DEMO, seqBase: 5000 },
])('every slide of the $deck playlist fits the screen', ({ deck, file, seqBase }) => {
  let h: Harness;
  const run = existsSync(file);
  beforeAll(async () => {
    if (run) h = await openHarness(file);
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const size of SIZES) {
    it.runIf(run)(
      `keeps every text box inside its box and the stage at ${size.name}`,
      async () => {
        await h.page.setViewportSize({ width: size.width, height: size.height });
        const dir = join(SCREENS, size.name);
        mkdirSync(dir, { recursive: true });
        const problems: string[] = [];
        const views = sweep(file, seqBase + SIZES.indexOf(size) * 100);
        for (const view of views) {
          const t0 = Date.now();
          await push(h.page, view);
          await waitShown(h.page, view.seq);
          const t1 = Date.now();
          await settle(h.page);
          for (const p of await layoutProblems(h.page, view.seq)) problems.push(`${label(view)}: ${p}`);
          const t2 = Date.now();
          // Why: a 4K PNG takes seconds to encode; one deck at that size covers every slide type.
          if (size.width < 3840 || deck === 'stress')
            await h.page.screenshot({ path: join(dir, `${deck}-${label(view)}.png`) });
          if (process.env.MARQUEE_TIMING)
            console.log(size.name, label(view), t1 - t0, t2 - t1, Date.now() - t2);
        }
        expect(problems).toEqual([]);
        expect(h.errors).toEqual([]);
      },
      300_000,
    );
  }
});

describe('placeholders for broken assets', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(STRESS);
  });
  afterAll(async () => {
    await h.close();
  });

  it('draws initials instead of a broken portrait and reports the image once', async () => {
    const view = viewsOf(readPlaylist(STRESS), 10).find((v) => v.slide?.id === 'speaker-long');
    if (view === undefined) throw new Error('stress.json lost its speaker-long slide');
    await push(h.page, view);
    await waitPresented(h.page, view.seq);
    const placeholder = h.page.locator(
      `.layer[data-seq="${view.seq}"] .speaker-photo-ring [data-placeholder]`,
    );
    await expect(placeholder.textContent()).resolves.toBe('阿里');
    const problems = (await sent(h.page)).filter((m) => m.type === 'problem' && m.seq === view.seq);
    expect(problems).toContainEqual(
      expect.objectContaining({ kind: 'image-failed', ref: 'speakers/broken.jpg' }),
    );
    expect(problems.filter((m) => m.type === 'problem' && m.ref === 'speakers/broken.jpg')).toHaveLength(1);
  });

  it('draws sponsors with broken logos as wordmarks and pages a wall of 40', async () => {
    await h.page.setViewportSize({ width: 1920, height: 1080 });
    const view = viewsOf(readPlaylist(STRESS), 20).find((v) => v.slide?.id === 'sponsors-40');
    if (view === undefined) throw new Error('stress.json lost its sponsors-40 slide');
    await push(h.page, view);
    await waitPresented(h.page, view.seq);
    const wall = h.page.locator(`.layer[data-seq="${view.seq}"] .wall`);
    expect(Number(await wall.getAttribute('data-pages'))).toBeGreaterThan(1);
    expect(await wall.locator('[data-placeholder]').count()).toBeGreaterThan(0);
    const problems = (await sent(h.page)).filter((m) => m.type === 'problem' && m.seq === view.seq);
    expect(problems).toContainEqual(
      expect.objectContaining({ kind: 'image-failed', ref: 'logos/broken.svg' }),
    );
  });

  it('shows a stand-in for a broken video and reports video-failed instead of presented', async () => {
    const view = viewsOf(readPlaylist(STRESS), 30).find((v) => v.slide?.id === 'video-missing');
    if (view === undefined) throw new Error('stress.json lost its video-missing slide');
    await push(h.page, view);
    await h.page.waitForFunction(
      (s) =>
        (
          window as unknown as { __MARQUEE_TEST_API__: { sent: { type: string; seq: number }[] } }
        ).__MARQUEE_TEST_API__.sent.some((m) => m.type === 'problem' && m.seq === s),
      view.seq,
    );
    const mine = (await sent(h.page)).filter((m) => 'seq' in m && m.seq === view.seq);
    expect(mine).toContainEqual(
      expect.objectContaining({ type: 'problem', kind: 'video-failed', ref: 'video/broken.mp4' }),
    );
    expect(mine.some((m) => m.type === 'presented')).toBe(false);
    await expect(h.page.locator(`.layer[data-seq="${view.seq}"] [data-placeholder]`).count()).resolves.toBe(
      1,
    );
  });
});
