import { describe, expect, it } from 'vitest';
import { createPlayer, currentSlide, timeLeftMs, transition } from '../../../src/core/player/playerMachine';
import type { Effect, PlayerEvent, PlayerState, Step } from '../../../src/core/player/playerTypes';
import { FAILURE_RETRY_MS, PRESENT_TIMEOUT_MS } from '../../../src/core/player/playerTypes';
import { toShowView } from '../../../src/core/view/toShowView';
import { beijing, playlist, slide } from './playlistBuilder';

/** Drives a player like the host does, with a fake clock and an always-acknowledging renderer. */
class Driver {
  state: PlayerState;
  now: number;
  effects: Effect[] = [];
  constructor(step: Step, now: number) {
    this.state = step.state;
    this.now = now;
    this.take(step);
    this.ack();
  }
  private take(step: Step): Step {
    this.state = step.state;
    this.effects.push(...step.effects);
    return step;
  }
  send(event: PlayerEvent): Step {
    return this.take(transition(this.state, event, this.now));
  }
  ack(mediaDurationMs?: number): void {
    this.send({
      type: 'presented',
      seq: this.state.slot.seq,
      ...(mediaDurationMs ? { mediaDurationMs } : {}),
    });
  }
  /** Advances the clock by `ms`, waking the machine whenever it asked to be woken, acknowledging new slides at once. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const wake = this.wakeAt();
      if (wake === null || wake > end) break;
      this.now = wake;
      const seq = this.state.slot.seq;
      this.send({ type: 'wake' });
      if (this.state.slot.seq !== seq) this.ack();
    }
    this.now = end;
  }
  wakeAt(): number | null {
    for (let i = this.effects.length - 1; i >= 0; i--) {
      const e = this.effects[i];
      if (e?.type === 'schedule-wake') return e.at;
    }
    return null;
  }
  get id(): string | null {
    return currentSlide(this.state)?.id ?? null;
  }
  played(): Extract<Effect, { type: 'played' }>[] {
    return this.effects.filter((e): e is Extract<Effect, { type: 'played' }> => e.type === 'played');
  }
}

const abc = playlist([slide('a'), slide('b'), slide('c')]);

describe('player machine', () => {
  it('starts on the first slide and advances when its time is up', () => {
    const d = new Driver(createPlayer(abc, beijing('10:00')), beijing('10:00'));
    expect(d.id).toBe('a');
    d.advance(9_999);
    expect(d.id).toBe('a');
    d.advance(1);
    expect(d.id).toBe('b');
    d.advance(20_000);
    expect(d.id).toBe('a');
  });

  it('starts a slide’s time only when the renderer has presented it', () => {
    const t0 = beijing('10:00');
    const step = createPlayer(abc, t0);
    expect(timeLeftMs(step.state, t0 + 5_000)).toBeNull();
    const acked = transition(step.state, { type: 'presented', seq: step.state.slot.seq }, t0 + 3_000);
    expect(timeLeftMs(acked.state, t0 + 5_000)).toBe(8_000);
  });

  it('starts the clock anyway when the renderer never acknowledges', () => {
    const t0 = beijing('10:00');
    const step = createPlayer(abc, t0);
    const woke = transition(step.state, { type: 'wake' }, t0 + PRESENT_TIMEOUT_MS);
    expect(timeLeftMs(woke.state, t0 + PRESENT_TIMEOUT_MS)).toBe(10_000);
  });

  it('goes to next and prev and records the staff cut in proof of play', () => {
    const d = new Driver(createPlayer(abc, beijing('10:00')), beijing('10:00'));
    d.advance(4_000);
    d.send({ type: 'next' });
    expect(d.id).toBe('b');
    expect(d.played()).toEqual([expect.objectContaining({ slideId: 'a', shownMs: 4_000, reason: 'staff' })]);
    d.send({ type: 'prev' });
    d.send({ type: 'prev' });
    expect(d.id).toBe('c');
  });

  it('goes to a slide by id or by 1-based position, and rejects unknown ones with a hint', () => {
    const d = new Driver(createPlayer(abc, beijing('10:00')), beijing('10:00'));
    d.send({ type: 'goto', target: 3 });
    expect(d.id).toBe('c');
    d.send({ type: 'goto', target: 'b' });
    expect(d.id).toBe('b');
    const seq = d.state.slot.seq;
    const bad = d.send({ type: 'goto', target: 'bb' });
    expect(bad.state.slot.seq).toBe(seq);
    expect(bad.effects.filter((e) => e.type === 'rejected')).toEqual([
      expect.objectContaining({
        type: 'rejected',
        code: 'unknown-slide',
        message: expect.stringContaining('did you mean "b"'),
      }),
    ]);
    const far = d.send({ type: 'goto', target: 9 });
    expect(far.effects.filter((e) => e.type === 'rejected')).toEqual([
      expect.objectContaining({ code: 'bad-position', message: expect.stringContaining('1 to 3') }),
    ]);
  });

  it('plays only slides that are enabled and inside a window, and shows the idle screen when none is', () => {
    const list = playlist([
      slide('morning', { when: [{ from: '09:00', to: '12:00' }] }),
      slide('off', { enabled: false }),
      slide('day2', { when: [{ dates: ['2018-12-21'] }] }),
    ]);
    const d = new Driver(createPlayer(list, beijing('11:59')), beijing('11:59'));
    expect(d.id).toBe('morning');
    d.advance(60_000);
    expect(d.state.slot.kind).toBe('idle');
    expect(
      toShowView(d.state, d.now, { screen: 's', assetBase: '/media/', keyboard: true }).slide,
    ).toBeNull();
    // The machine asks to be woken at the next boundary: midnight, when day 2 starts.
    expect(d.wakeAt()).toBe(beijing('00:00', '2018-12-21'));
    d.advance(beijing('00:00', '2018-12-21') - d.now);
    expect(d.id).toBe('day2');
  });

  it('plays a slide outside its window once when staff jump to it', () => {
    const list = playlist([slide('a'), slide('later', { when: [{ from: '18:00' }] }), slide('c')]);
    const d = new Driver(createPlayer(list, beijing('10:00')), beijing('10:00'));
    d.send({ type: 'goto', target: 'later' });
    d.ack();
    expect(d.id).toBe('later');
    expect(d.state.slot.kind === 'slide' && d.state.slot.override).toBe(true);
    d.advance(10_000);
    expect(d.id).toBe('c');
    d.advance(20_000);
    expect(d.id).toBe('c');
  });

  it('keeps the current slide when the playlist is reloaded and it still exists', () => {
    const d = new Driver(createPlayer(abc, beijing('10:00')), beijing('10:00'));
    d.send({ type: 'goto', target: 'b' });
    d.ack();
    d.advance(3_000);
    const seq = d.state.slot.seq;
    d.send({ type: 'load', playlist: playlist([slide('new'), slide('a'), slide('b', { text: 'changed' })]) });
    expect(d.id).toBe('b');
    expect(d.state.slot.seq).toBe(seq);
    expect(timeLeftMs(d.state, d.now)).toBe(7_000);
  });

  it('continues at the same position when the current slide was removed', () => {
    const d = new Driver(createPlayer(abc, beijing('10:00')), beijing('10:00'));
    d.send({ type: 'goto', target: 'b' });
    d.send({ type: 'load', playlist: playlist([slide('a'), slide('x'), slide('c')]) });
    expect(d.id).toBe('x');
  });

  it('keeps the remaining time across pause and resume', () => {
    const d = new Driver(createPlayer(abc, beijing('10:00')), beijing('10:00'));
    d.advance(6_000);
    d.send({ type: 'pause' });
    d.advance(60_000);
    expect(d.id).toBe('a');
    expect(timeLeftMs(d.state, d.now)).toBe(4_000);
    d.send({ type: 'resume' });
    d.advance(3_999);
    expect(d.id).toBe('a');
    d.advance(1);
    expect(d.id).toBe('b');
  });

  it('overlays blackout and announcements without losing the rotation’s place', () => {
    const d = new Driver(createPlayer(abc, beijing('10:00')), beijing('10:00'));
    d.advance(5_000);
    d.send({ type: 'blackout', on: true });
    d.advance(120_000);
    expect(d.id).toBe('a');
    d.send({ type: 'blackout', on: false });
    d.send({
      type: 'announce',
      text: { zh: '午餐时间', en: 'Lunch is served' },
      seconds: 30,
      style: 'urgent',
    });
    expect(d.state.announcement).toMatchObject({ style: 'urgent', endsAt: d.now + 30_000 });
    d.advance(5_000);
    expect(d.id).toBe('b');
    expect(d.state.announcement).not.toBeNull();
    d.advance(25_000);
    expect(d.state.announcement).toBeNull();
  });

  it('uses a video’s own length when the slide gives no duration', () => {
    const list = playlist([{ type: 'video', id: 'v', src: 'v.mp4' }, slide('b')]);
    const t0 = beijing('10:00');
    const fresh = createPlayer(list, t0);
    const acked = transition(
      fresh.state,
      { type: 'presented', seq: fresh.state.slot.seq, mediaDurationMs: 42_000 },
      t0,
    );
    expect(timeLeftMs(acked.state, t0)).toBe(42_000);
  });

  it('skips a slide that failed to play and retries it later', () => {
    const list = playlist([{ type: 'video', id: 'v', src: 'v.mp4' }, slide('b')]);
    const d = new Driver(createPlayer(list, beijing('10:00')), beijing('10:00'));
    d.send({ type: 'slide-failed', seq: d.state.slot.seq, reason: 'decode error' });
    d.ack();
    expect(d.id).toBe('b');
    d.advance(10_000);
    expect(d.id).toBe('b');
    d.advance(FAILURE_RETRY_MS - 10_001);
    expect(d.id).toBe('b');
    d.advance(1);
    expect(d.id).toBe('v');
  });

  it('resumes on the persisted slide after a restart', () => {
    const step = createPlayer(abc, beijing('10:00'), { slideId: 'c', elapsedMs: 4_000 });
    const acked = transition(step.state, { type: 'presented', seq: step.state.slot.seq }, beijing('10:00'));
    expect(currentSlide(acked.state)?.id).toBe('c');
    expect(timeLeftMs(acked.state, beijing('10:00'))).toBe(6_000);
  });
});
