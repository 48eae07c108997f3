import { describe, expect, it } from 'vitest';
import type { ScreenshotQuery } from '../../../src/core/control/screenshotQuery';
import type { DisplayCapture, ScreenCapture } from '../../../src/host/screen/screenCapture';
import { createScreenshots, SCREENSHOT_CACHE_MS } from '../../../src/host/screen/screenshots';
import { standInDisplay } from '../../support/standInCapture';

const first: ScreenshotQuery = { display: null, format: 'jpeg', width: 320 };

function setup(displays: readonly DisplayCapture[]) {
  const clock = { now: 1_000 };
  const capture: ScreenCapture = { kind: 'devtools', displays: () => displays };
  return { clock, shots: createScreenshots({ capture: () => capture, now: () => clock.now }) };
}

describe('createScreenshots', () => {
  it('captures once for every request within the cache time, also while the capture is under way', async () => {
    const d = standInDisplay();
    const { clock, shots } = setup([d.display]);
    const answers = await Promise.all([shots.take(first), shots.take(first), shots.take(first)]);
    clock.now += SCREENSHOT_CACHE_MS - 1;
    answers.push(await shots.take(first));
    expect(d.captures).toBe(1);
    expect(answers.every((a) => a.kind === 'image' && a.shot.takenAt === 1_000)).toBe(true);
    clock.now += 1;
    const later = await shots.take(first);
    expect(d.captures).toBe(2);
    expect(later).toMatchObject({ kind: 'image', shot: { takenAt: 1_000 + SCREENSHOT_CACHE_MS } });
  });

  it('captures again for another format, width or display', async () => {
    const a = standInDisplay();
    const b = standInDisplay();
    const { shots } = setup([a.display, b.display]);
    await shots.take(first);
    await shots.take({ ...first, format: 'png' });
    await shots.take({ ...first, width: 160 });
    const second = await shots.take({ ...first, display: 2 });
    expect({ a: a.captures, b: b.captures }).toEqual({ a: 3, b: 1 });
    expect(second).toMatchObject({ kind: 'image', shot: { display: 2 } });
  });

  it('does not hand a failed capture to the next request', async () => {
    const d = standInDisplay();
    const { shots } = setup([d.display]);
    d.failWith = 'Page.captureScreenshot: no answer from the browser in 10000 ms';
    expect(await shots.take(first)).toEqual({
      kind: 'unavailable',
      code: 'capture-failed',
      message: `the screen could not be captured: ${d.failWith}`,
    });
    d.failWith = null;
    expect((await shots.take(first)).kind).toBe('image');
    expect(d.captures).toBe(2);
  });

  it('names the valid displays for a display the host does not have', async () => {
    const { shots } = setup([standInDisplay().display, standInDisplay().display]);
    expect(await shots.take({ ...first, display: 3 })).toEqual({
      kind: 'bad-request',
      message: 'display must be 1 to 2 (got 3)',
    });
  });

  it('says by its code and in words why there is no picture: the host cannot see its screens, or none shows the show yet', async () => {
    const none = createScreenshots({
      capture: () => ({ kind: 'none', reason: 'the kiosk browser was not started by this host' }),
      now: () => 0,
    });
    expect(await none.take(first)).toEqual({
      kind: 'unavailable',
      code: 'screen-not-seen',
      message: 'no screenshot: the kiosk browser was not started by this host',
    });
    expect(await setup([]).shots.take(first)).toMatchObject({
      kind: 'unavailable',
      code: 'screen-starting',
      message: /no display shows the show yet/,
    });
  });
});
