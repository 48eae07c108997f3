import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, openHarness, push, readPlaylist, viewsOf, waitPresented } from './support/harness';

const DEMO = join(import.meta.dirname, '..', '..', 'assets', 'demo', 'playlist.json');

let h: Harness;
beforeAll(async () => {
  h = await openHarness(DEMO);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('sponsor wall', () => {
  it('shows its first page at full strength as soon as the slide is presented (no second fade-in)', async () => {
    const view = viewsOf(readPlaylist(DEMO), 500).find((v) => v.slide?.type === 'sponsors');
    if (view === undefined) throw new Error('the demo playlist has no sponsors slide');
    await push(h.page, { ...view, transition: 'cut' });
    await waitPresented(h.page, view.seq);
    // Sampled over the next 300 ms: a page fading in (0.6 s) would read below 1 at some point.
    const opacities = await h.page.evaluate(async () => {
      const seen: number[] = [];
      const end = performance.now() + 300;
      while (performance.now() < end) {
        const wall = document.querySelector('.wall-page');
        seen.push(wall === null ? -1 : Number(getComputedStyle(wall).opacity));
        await new Promise(requestAnimationFrame);
      }
      return seen;
    });
    expect(opacities.length).toBeGreaterThan(0);
    expect(Math.min(...opacities)).toBe(1);
    expect(h.errors).toEqual([]);
  }, 120_000);
});
