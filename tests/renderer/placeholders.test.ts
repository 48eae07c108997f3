import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Harness,
  openHarness,
  push,
  readPlaylist,
  sent,
  viewsOf,
  waitPresented,
} from './support/harness';

const STRESS = join(import.meta.dirname, '..', 'fixtures', 'playlists', 'valid', 'stress.json');

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
