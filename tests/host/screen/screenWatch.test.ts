import { describe, expect, it } from 'vitest';
import type { ShowView } from '../../../src/core/view/showView';
import { ManualClock } from '../../../src/host/clock';
import type { ScreenCapture } from '../../../src/host/screen/screenCapture';
import { SCREEN_WATCH_PERIOD_MS, startScreenWatch } from '../../../src/host/screen/screenWatch';
import { standInDisplay } from '../../support/standInCapture';

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

const quiet = { warn: () => undefined };

describe('startScreenWatch', () => {
  it('reloads a screen that goes black behind the host’s back, says so in health, then that it recovered', async () => {
    const clock = new ManualClock(1_000_000);
    const d = standInDisplay();
    const capture: ScreenCapture = { kind: 'devtools', displays: () => [d.display] };
    const problems: string[] = [];
    const watch = startScreenWatch({
      clock,
      view: () => view,
      capture: () => capture,
      onProblem: (m) => problems.push(m),
      log: quiet,
    });
    await tick(clock, 2);
    expect(watch.health()).toMatchObject({
      capture: 'devtools',
      unavailable: null,
      displays: 1,
      verdict: 'ok',
      lastProblem: null,
    });
    d.shows = 'black';
    const blackAt = clock.now() + SCREEN_WATCH_PERIOD_MS;
    await tick(clock, 2);
    expect(d.reloads).toBe(1);
    expect(watch.health()).toMatchObject({
      verdict: 'dark',
      reloads: 1,
      lastProblem: {
        kind: 'dark',
        display: 1,
        since: blackAt,
        at: clock.now(),
        action: 'reload',
        recoveredAt: null,
      },
    });
    expect(problems).toEqual(['the screen was dark while its slide is not: reloading the page']);
    d.shows = 'slide';
    await tick(clock);
    expect(watch.health()).toMatchObject({
      verdict: 'ok',
      lastProblem: { kind: 'dark', recoveredAt: clock.now() },
    });
    watch.stop();
  });

  it('restarts the browser when the screen is dark again soon after a reload', async () => {
    const clock = new ManualClock(1_000_000);
    const d = standInDisplay('black');
    let restarts = 0;
    const capture: ScreenCapture = {
      kind: 'devtools',
      displays: () => [d.display],
      restart: async () => {
        restarts++;
      },
    };
    const watch = startScreenWatch({ clock, view: () => view, capture: () => capture, log: quiet });
    await tick(clock, 4);
    expect({ reloads: d.reloads, restarts }).toEqual({ reloads: 1, restarts: 1 });
    expect(watch.health()).toMatchObject({ reloads: 1, restarts: 1, lastProblem: { action: 'restart' } });
    watch.stop();
  });

  it('reloads the display that went dark, not the others, and names it', async () => {
    const clock = new ManualClock(0);
    const left = standInDisplay();
    const right = standInDisplay();
    const capture: ScreenCapture = { kind: 'electron', displays: () => [left.display, right.display] };
    const watch = startScreenWatch({ clock, view: () => view, capture: () => capture, log: quiet });
    right.shows = 'black';
    await tick(clock, 3);
    expect({ left: left.reloads, right: right.reloads }).toEqual({ left: 0, right: 1 });
    expect(watch.health()).toMatchObject({ displays: 2, lastProblem: { kind: 'dark', display: 2 } });
    watch.stop();
  });

  it('says it cannot see a screen it has no capture of, and why', async () => {
    const clock = new ManualClock(0);
    const watch = startScreenWatch({
      clock,
      view: () => view,
      capture: () => ({ kind: 'none', reason: 'the kiosk browser was not started by this host' }),
      log: quiet,
    });
    await tick(clock, 3);
    expect(watch.health()).toMatchObject({
      capture: 'none',
      unavailable: 'the kiosk browser was not started by this host',
      displays: 0,
      verdict: 'unknown',
      lastProblem: null,
    });
    watch.stop();
  });
});
