import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/host/clock';

describe('ManualClock', () => {
  it('fires timers in time order as it advances, including timers they start', () => {
    const clock = new ManualClock(1000);
    const fired: string[] = [];
    clock.setTimer(300, () => fired.push(`b@${clock.now()}`));
    clock.setTimer(100, () => {
      fired.push(`a@${clock.now()}`);
      clock.setTimer(50, () => fired.push(`c@${clock.now()}`));
    });
    clock.advance(250);
    expect(fired).toEqual(['a@1100', 'c@1150']);
    expect(clock.now()).toBe(1250);
    clock.advance(100);
    expect(fired).toEqual(['a@1100', 'c@1150', 'b@1300']);
  });

  it('never fires a cancelled timer', () => {
    const clock = new ManualClock(0);
    let fired = false;
    clock
      .setTimer(10, () => {
        fired = true;
      })
      .cancel();
    clock.advance(100);
    expect(fired).toBe(false);
    expect(clock.pending).toBe(0);
  });
});
