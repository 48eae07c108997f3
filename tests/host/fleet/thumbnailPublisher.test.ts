import { afterEach, describe, expect, it, vi } from 'vitest';
import { FleetThumbnail, THUMBNAIL_MAX_BASE64 } from '../../../src/core/channels/fleetContract';
import { jpegSize, startThumbnailPublisher } from '../../../src/host/fleet/thumbnailPublisher';
import { createThumbnailStore } from '../../../src/host/hub/thumbnailStore';
import type { ScreenCapture } from '../../../src/host/screen/screenCapture';
import { jpegDisplay, jpegLike } from '../../support/standInCapture';

afterEach(() => {
  vi.useRealTimers();
});

describe('jpegSize', () => {
  it('reads the size from the start of frame, and refuses what is not a JPEG', () => {
    expect(jpegSize(jpegLike(320, 180))).toEqual({ width: 320, height: 180 });
    expect(jpegSize(Buffer.from('\x89PNG\r\n'))).toBeNull();
  });
});

describe('startThumbnailPublisher', () => {
  it('publishes a valid thumbnail soon after a change, and none again within the minimum interval', async () => {
    vi.useFakeTimers();
    const { display } = jpegDisplay(() => 2_000);
    const capture: ScreenCapture = { kind: 'devtools', displays: () => [display] };
    const sent: unknown[] = [];
    let now = 1_000_000;
    const pub = startThumbnailPublisher({
      screen: 'lobby',
      capture: () => capture,
      slideId: () => 'welcome',
      now: () => now,
      publish: (t) => sent.push(t),
      log: { warn: () => undefined },
    });
    pub.changed();
    await vi.advanceTimersByTimeAsync(1_600);
    expect(sent).toHaveLength(1);
    const first = FleetThumbnail.parse(sent[0]);
    expect(first).toMatchObject({ screen: 'lobby', slideId: 'welcome', width: 320, height: 180, at: now });
    now += 2_000;
    pub.changed();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toHaveLength(2);
    pub.stop();
  });

  it('tries narrower pictures when one is over the cap, and publishes nothing when the host cannot see', async () => {
    vi.useFakeTimers();
    const { display, asked } = jpegDisplay((w) => (w > 200 ? THUMBNAIL_MAX_BASE64 : 1_000));
    const sent: unknown[] = [];
    let capture: ScreenCapture = { kind: 'devtools', displays: () => [display] };
    const pub = startThumbnailPublisher({
      screen: 'lobby',
      capture: () => capture,
      slideId: () => null,
      now: () => Date.now(),
      publish: (t) => sent.push(t),
      log: { warn: () => undefined },
      intervalMs: 60_000,
    });
    pub.changed();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(asked).toEqual([320, 240, 160]);
    expect(FleetThumbnail.parse(sent[0]).width).toBe(160);
    capture = { kind: 'none', reason: 'an external kiosk browser' };
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
    pub.stop();
  });
});

describe('the hub’s thumbnail store', () => {
  const thumb = (screen: string, at: number) =>
    JSON.stringify({ screen, at, slideId: null, width: 4, height: 4, jpeg: 'AAAA' });

  it('keeps the newest of each screen, refuses one naming another screen, and forgets on an empty payload', () => {
    const store = createThumbnailStore();
    expect(store.receive('lobby', 't', thumb('lobby', 20))).toBeNull();
    expect(store.receive('lobby', 't', thumb('lobby', 10))).toBeNull();
    expect(store.receive('door', 't', thumb('lobby', 30))).toMatch(/names screen "lobby"/);
    expect(store.receive('door', 't', '{"screen":"door"}')).toMatch(/^t: /);
    expect(store.receive('door', 't', thumb('door', 25))).toBeNull();
    expect(store.at('lobby')).toBe(20);
    expect(store.since(null).map((t) => t.screen)).toEqual(['lobby', 'door']);
    expect(store.since(20).map((t) => t.screen)).toEqual(['door']);
    store.receive('lobby', 't', '');
    expect(store.at('lobby')).toBeNull();
  });
});
