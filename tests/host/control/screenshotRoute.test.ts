import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { noAudit } from '../../../src/host/control/auditLog';
import { createControlGateway } from '../../../src/host/control/controlGateway';
import { type LanServer, startLanServer } from '../../../src/host/control/lanApi';
import { playerHostTarget } from '../../../src/host/control/playerHostTarget';
import { screenshotRoute } from '../../../src/host/control/screenshotRoute';
import type { ScreenCapture } from '../../../src/host/screen/screenCapture';
import { createScreenshots } from '../../../src/host/screen/screenshots';
import { standInDisplay } from '../../support/standInCapture';
import { machineHost } from './machineHost';

const TOKEN = 'test-token-Zq8xW1vY3bN5';
const auth = { Authorization: `Bearer ${TOKEN}` };
let lan: LanServer | null = null;

afterEach(async () => {
  await lan?.close();
  lan = null;
});

/** A LAN API whose screenshots come from `capture`, with a clock the test moves (limit and cache). */
async function start(capture: ScreenCapture, perMinute = 60) {
  const clock = { now: 5_000 };
  const now = () => clock.now;
  const gateway = createControlGateway(playerHostTarget([machineHost('hall-a')]), noAudit);
  lan = await startLanServer(
    { host: '127.0.0.1', port: 0 },
    {
      gateway,
      token: TOKEN,
      remoteDir: null,
      screenshot: screenshotRoute(createScreenshots({ capture: () => capture, now }), perMinute, now),
    },
  );
  return { clock, url: (q = '') => `${lan?.url}/api/screenshot${q}` };
}

describe('GET /api/screenshot', () => {
  it('answers the picture of the first display, scaled to the width asked, behind the token', async () => {
    const d = standInDisplay();
    const { url } = await start({ kind: 'devtools', displays: () => [d.display] });
    expect((await fetch(url())).status).toBe(401);
    const res = await fetch(url('?format=png&width=128'), { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-marquee-display')).toBe('1');
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    expect({ width: png.width, height: png.height }).toEqual({ width: 128, height: 72 });
    expect([...png.data.subarray(0, 3)]).toEqual([240, 240, 250]);
  });

  it('answers 429 with Retry-After to a second request within the limit, and the picture after it', async () => {
    const d = standInDisplay();
    const { clock, url } = await start({ kind: 'devtools', displays: () => [d.display] }, 30);
    expect((await fetch(url(), { headers: auth })).status).toBe(200);
    const refused = await fetch(url(), { headers: auth });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(await refused.json()).toMatchObject({
      error: { code: 'rate-limited', message: /at most 30 screenshots a minute/ },
    });
    clock.now += 2_000;
    expect((await fetch(url(), { headers: auth })).status).toBe(200);
  });

  it('answers 400 naming the valid range for a display the host does not have', async () => {
    const { url } = await start({
      kind: 'electron',
      displays: () => [standInDisplay().display, standInDisplay().display],
    });
    const res = await fetch(url('?display=5'), { headers: auth });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'bad-argument', message: '/api/screenshot: display must be 1 to 2 (got 5)' },
    });
  });

  it('answers 503 with the code and the reason when the host cannot see its screen', async () => {
    const { url } = await start({
      kind: 'none',
      reason: 'the kiosk browser was not started by this host (serve without --open)',
    });
    const res = await fetch(url(), { headers: auth });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      error: {
        code: 'screen-not-seen',
        message: 'no screenshot: the kiosk browser was not started by this host (serve without --open)',
      },
    });
  });
});
