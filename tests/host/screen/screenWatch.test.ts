import { describe, expect, it } from 'vitest';
import type { ShowView } from '../../../src/core/view/showView';
import { ManualClock } from '../../../src/host/clock';
import type { DisplayCapture, Pixels } from '../../../src/host/screen/devtoolsDisplay';
import { SCREEN_WATCH_PERIOD_MS, startScreenWatch } from '../../../src/host/screen/screenWatch';

const W = 64;
const H = 36;

function picture(kind: 'black' | 'slide'): Pixels {
  const px = new Uint8Array(W * H * 4);
  if (kind === 'slide')
    for (let i = 0; i < W * H; i++) px.set(i % W < 20 ? [240, 240, 250, 255] : [20, 16, 60, 255], i * 4);
  return { pixels: px, width: W, height: H, channels: 4 };
}

/** A display whose picture the test sets, counting what the watch asked of it. */
function fakeDisplay() {
  const d = { shows: 'slide' as 'black' | 'slide', reloads: 0, restarts: 0 };
  const capture: DisplayCapture = {
    image: async () => Buffer.alloc(0),
    tiny: async () => picture(d.shows),
    reload: async () => {
      d.reloads++;
    },
  };
  return { d, capture };
}

const view = { seq: 1, slide: { id: 'a' }, blackout: false } as unknown as ShowView;

/** Lets the watch's promise chain (capture, verdict, recovery) settle between clock steps. */
const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

async function tick(clock: ManualClock, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    clock.advance(SCREEN_WATCH_PERIOD_MS);
    await flush();
  }
}

describe('startScreenWatch', () => {
  it('reloads a screen that goes black behind the host’s back and says so in health', async () => {
    const clock = new ManualClock(1_000_000);
    const { d, capture } = fakeDisplay();
    const problems: string[] = [];
    const watch = startScreenWatch({
      clock,
      view: () => view,
      display: () => capture,
      kind: 'devtools',
      onProblem: (m) => problems.push(m),
      log: { warn: () => undefined },
    });
    await tick(clock, 2);
    expect(watch.health()).toMatchObject({ capture: 'devtools', verdict: 'ok', lastProblem: null });
    d.shows = 'black';
    const blackAt = clock.now() + SCREEN_WATCH_PERIOD_MS;
    await tick(clock, 2);
    expect(d.reloads).toBe(1);
    expect(watch.health()).toMatchObject({
      verdict: 'dark',
      reloads: 1,
      lastProblem: { kind: 'dark', since: blackAt, at: clock.now(), action: 'reload' },
    });
    expect(problems).toEqual(['the screen was dark while its slide is not: reloading the page']);
    d.shows = 'slide';
    await tick(clock);
    expect(watch.health().verdict).toBe('ok');
    watch.stop();
  });

  it('restarts the browser when the screen is dark again soon after a reload', async () => {
    const clock = new ManualClock(1_000_000);
    const { d, capture } = fakeDisplay();
    const watch = startScreenWatch({
      clock,
      view: () => view,
      display: () => capture,
      kind: 'devtools',
      restart: async () => {
        d.restarts++;
      },
      log: { warn: () => undefined },
    });
    d.shows = 'black';
    await tick(clock, 4);
    expect({ reloads: d.reloads, restarts: d.restarts }).toEqual({ reloads: 1, restarts: 1 });
    expect(watch.health()).toMatchObject({ reloads: 1, restarts: 1, lastProblem: { action: 'restart' } });
    watch.stop();
  });

  it('says it cannot see a screen it has no capture of', async () => {
    const clock = new ManualClock(0);
    const watch = startScreenWatch({
      clock,
      view: () => view,
      display: () => null,
      kind: 'devtools',
      log: { warn: () => undefined },
    });
    await tick(clock, 3);
    expect(watch.health()).toMatchObject({ capture: 'none', verdict: 'unknown', lastProblem: null });
    watch.stop();
  });
});
