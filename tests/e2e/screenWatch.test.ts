import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { Health } from '../../src/core/channels/healthContract';
import { SCREEN_WATCH_PERIOD_MS } from '../../src/host/screen/screenWatch';
import { noticePlaylist, numberedNotices } from '../support/noticePlaylist';
import { startXvfbKiosk, until, type XvfbKiosk } from '../support/xvfbKiosk';
import { FleetThumbnail, fleetTopics, OnlineStatus } from '../../src/core/channels/fleetContract';
import { startTestBroker, type TestBroker } from '../support/brokers';
import { connectTestClient, type TestClient } from '../support/mqttClients';

const TOKEN = 'screen-watch-token-0123456789';
let kiosk: XvfbKiosk;
let serve: XvfbKiosk['serve'];
let lanUrl: string;
let page: Page;
let broker: TestBroker;
let staff: TestClient;

async function health(): Promise<Health> {
  const res = await fetch(new URL('api/health', serve.url));
  return Health.parse(await res.json());
}

beforeAll(async () => {
  // Why: the screen also joins a fleet, so its thumbnail and the watchdog's verdict are seen on the bus.
  broker = await startTestBroker('aedes');
  staff = await connectTestClient(broker.url, broker.staff);
  await staff.client.subscribeAsync('marquee/v1/screen/lobby/+', { qos: 1 });
  kiosk = await startXvfbKiosk(
    'marquee-e2e-screen-',
    TOKEN,
    async (home) => {
      const playlist = join(home, 'playlist.json');
      // Why: four slides of 2 s, looked at every 5 s: every look sees another slide, so a freeze shows fast.
      await writeFile(
        playlist,
        JSON.stringify({
          ...noticePlaylist(numberedNotices(4), { duration: 2 }),
          theme: { background: '#1a7f3c' },
        }),
      );
      return playlist;
    },
    'Notice',
    async (home) => {
      const passwordFile = join(home, 'fleet.pw');
      await writeFile(passwordFile, `${broker.screen('lobby').password}\n`, { mode: 0o600 });
      return [
        '--screen',
        'lobby',
        '--fleet-url',
        broker.url,
        '--fleet-username',
        'lobby',
        '--fleet-password-file',
        passwordFile,
      ];
    },
  );
  ({ serve, lanUrl } = kiosk);
  page = await kiosk.page();
}, 150_000);

afterAll(async () => {
  await kiosk?.stop();
  await staff?.end();
  await broker?.cleanup();
});

/** The size a JPEG says it is (its start-of-frame marker); throws for bytes that are not a JPEG. */
function jpegSize(bytes: Buffer): Readonly<{ width: number; height: number }> {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('not a JPEG (no SOI marker)');
  for (let at = 2; at + 9 < bytes.length; ) {
    if (bytes[at] !== 0xff) throw new Error(`not a JPEG (no marker at ${at})`);
    const marker = bytes[at + 1] ?? 0;
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xc3)
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  throw new Error('not a JPEG (no start of frame)');
}

const screenshot = (query: string) =>
  fetch(`${lanUrl}/api/screenshot${query}`, { headers: { Authorization: `Bearer ${TOKEN}` } });

describe('screenshots of serve --open under Xvfb, through its DevTools pipe', () => {
  it('answers a PNG of the slide on screen: it decodes, at the width asked, in the playlist’s colours', async () => {
    const res = await until('a screenshot', 30_000, async () => {
      const r = await screenshot('?format=png&width=320');
      return r.status === 200 ? r : null;
    });
    expect(res.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await res.arrayBuffer());
    await writeFile('/tmp/shots/screenshots/api-screenshot.png', bytes).catch(() => undefined);
    const png = PNG.sync.read(bytes);
    expect({ width: png.width, height: png.height }).toEqual({ width: 320, height: 180 });
    // The playlist's background is green (#1a7f3c, shaded by the slide's vignette): so is the top left corner.
    const [r = 0, g = 0, b = 0] = png.data.subarray((4 * png.width + 4) * 4, (4 * png.width + 4) * 4 + 3);
    expect(g).toBeGreaterThan(r + 20);
    expect(g).toBeGreaterThan(b + 10);
    const spread = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) spread.add(png.data[i] ?? 0);
    expect(spread.size).toBeGreaterThan(10);
  }, 60_000);

  it('answers a scaled JPEG by default, and 429 with Retry-After to a second request within a second', async () => {
    await new Promise((r) => setTimeout(r, 1100));
    const first = await screenshot('');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/jpeg');
    expect(jpegSize(Buffer.from(await first.arrayBuffer()))).toEqual({ width: 960, height: 540 });
    const second = await screenshot('');
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 1100));
    const wrong = await screenshot('?display=2');
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({
      error: { message: '/api/screenshot: display must be 1 (this host shows one display) (got 2)' },
    });
  }, 60_000);
});

describe('the screen’s thumbnail on the fleet bus', () => {
  it('is a real JPEG of the screen, 320 pixels wide, published retained soon after the screen joins', async () => {
    const m = await staff.waitFor((x) => x.topic === fleetTopics.thumbnail('lobby'), 30_000);
    const thumb = FleetThumbnail.parse(JSON.parse(m.text));
    expect({ width: thumb.width, height: thumb.height }).toEqual({ width: 320, height: 180 });
    expect(jpegSize(Buffer.from(thumb.jpeg, 'base64'))).toEqual({ width: 320, height: 180 });
  }, 60_000);
});

describe('the pixel watchdog of serve --open under Xvfb', () => {
  it('sees the screen through its DevTools pipe', async () => {
    const h = await until('a first look', 4 * SCREEN_WATCH_PERIOD_MS, async () => {
      const x = await health();
      return x.screenWatch?.verdict === 'ok' ? x : null;
    });
    expect(h.screenWatch).toMatchObject({
      capture: 'devtools',
      unavailable: null,
      displays: 1,
      lastProblem: null,
    });
  }, 60_000);

  it('notices a page blacked out behind its back, reloads it, and says so in health', async () => {
    const before = Date.now();
    await page.addStyleTag({ content: 'html { filter: brightness(0) !important; }' });
    const h = await until('health reports dark', 4 * SCREEN_WATCH_PERIOD_MS, async () => {
      const x = await health();
      return x.screenWatch?.lastProblem?.kind === 'dark' ? x : null;
    });
    expect(h.screenWatch?.lastProblem).toMatchObject({ kind: 'dark', display: 1, action: 'reload' });
    expect(h.screenWatch?.lastProblem?.since).toBeGreaterThanOrEqual(before - 1000);
    expect(h.renderers.acknowledged).toBeGreaterThan(0);
    const back = await until('the screen is back', 6 * SCREEN_WATCH_PERIOD_MS, async () => {
      const x = await health();
      return x.screenWatch?.verdict === 'ok' ? x : null;
    });
    expect(back.screenWatch?.reloads).toBeGreaterThanOrEqual(1);
    const recovered = await until(
      'health says the dark screen recovered',
      6 * SCREEN_WATCH_PERIOD_MS,
      async () => {
        const x = await health();
        return x.screenWatch?.lastProblem?.recoveredAt != null ? x : null;
      },
    );
    expect(recovered.screenWatch?.lastProblem?.kind).toBe('dark');
    const status = await staff.waitFor((m) => {
      if (m.topic !== fleetTopics.status('lobby') || !m.text.includes('"online":true')) return false;
      return OnlineStatus.parse(JSON.parse(m.text)).screenWatch?.lastProblem?.kind === 'dark';
    }, 30_000);
    expect(OnlineStatus.parse(JSON.parse(status.text)).screenWatch?.lastProblem).toMatchObject({
      kind: 'dark',
      display: 1,
      action: 'reload',
    });
    expect(recovered.screenWatch?.lastProblem?.recoveredAt).toBeGreaterThan(
      recovered.screenWatch?.lastProblem?.at ?? Number.POSITIVE_INFINITY,
    );
  }, 90_000);

  it('notices a picture frozen across slide changes, reloads, and says so in health', async () => {
    const p = await kiosk.page();
    await p.evaluate(() => {
      const still = document.createElement('div');
      still.style.cssText =
        'position:fixed;inset:0;z-index:2147483647;background:linear-gradient(90deg,#fff 0 30%,#123 30%);font:120px sans-serif';
      still.textContent = 'still';
      document.body.append(still);
    });
    const h = await until('health reports frozen', 6 * SCREEN_WATCH_PERIOD_MS, async () => {
      const x = await health();
      return x.screenWatch?.lastProblem?.kind === 'frozen' ? x : null;
    });
    expect(h.screenWatch?.lastProblem).toMatchObject({ kind: 'frozen' });
    expect(h.lastError?.message).toMatch(/the screen was frozen/);
  }, 90_000);
});
