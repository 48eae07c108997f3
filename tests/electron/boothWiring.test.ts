import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { Health } from '../../src/core/channels/healthContract';
import { ensureElectronBuilt } from './support/electronBuild';
import { runFakeMain } from './support/runFakeMain';
import { freePort } from '../e2e/serveProcess';

// The built Electron main process in plain Node against the recording stand-in, playing the booth scenario
// (support/boothScenario.cjs): the show monitor, the renderer watchdog, crashes, the GPU and displays, as seen
// through GET /api/health of the shell's own control server.

const WATCHDOG_MS = 2000;
const CACHED = 'https://assets.example.invalid/logo.svg';
const MISSING = 'https://assets.example.invalid/not-fetched.svg';
const LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
const root = join(import.meta.dirname, '..', '..');
const TOKEN = 'booth-token-0123456789abcdef';

type Sent = Readonly<{ channel: string; seq: number | null; slideId: string | null }>;
type Step = Readonly<{
  name: string;
  status: number;
  health: Health;
  reloads: number;
  lastSent: Sent | null;
  bounds: Readonly<{ x: number; y: number; width: number; height: number }> | null;
  reloadsBeforeStuck?: number;
  reloadedAfterMs?: number | null;
  beforeCrash?: Readonly<{ reloads: number; sent: number; shown: Sent | null }>;
  sentAfterCrash?: readonly Sent[];
  reloadsBeforeGpu?: number;
}>;
type Fetched = Readonly<{ status: number; type: string | null; body: string }>;
type CacheChecks = Readonly<{
  health: Health['cache'];
  upcomingSrc: string | null;
  cached: Fetched;
  missing: Fetched;
  marker: Fetched;
  climbing: number;
}>;
type Shot = Readonly<{ status: number; type: string | null; base64: string | null; body: string | null }>;
type ScreenshotChecks = Readonly<{
  png: Shot;
  badDisplay: Shot;
  health: Health['screenWatch'];
  captures: number;
}>;
type Report = Readonly<{
  booth: Readonly<{
    steps: readonly Step[];
    windowsOpened: number;
    cache: CacheChecks;
    screenshot: ScreenshotChecks;
  }>;
}>;

let dir: string;
let steps: ReadonlyMap<string, Step>;
let windowsOpened: number;
let cache: CacheChecks;
let screenshot: ScreenshotChecks;

function step(name: string): Step {
  const found = steps.get(name);
  if (!found)
    throw new Error(`the booth scenario recorded no step "${name}" (got: ${[...steps.keys()].join(', ')})`);
  return found;
}

beforeAll(async () => {
  ensureElectronBuilt();
  dir = mkdtempSync(join(tmpdir(), 'marquee-booth-'));
  const playlist = join(dir, 'playlist.json');
  writeFileSync(
    playlist,
    JSON.stringify({
      version: 1,
      event: { name: 'Booth test', timezone: 'Asia/Shanghai', languages: ['en'] },
      slides: [
        { type: 'announcement', id: 'first', text: 'First', duration: 600 },
        { type: 'announcement', id: 'second', text: 'Second', duration: 600 },
        { type: 'image', id: 'cached-logo', src: CACHED, duration: 600 },
        { type: 'image', id: 'missing-logo', src: MISSING, duration: 600 },
      ],
    }),
  );
  await prefetchLogo(playlist);
  const port = await freePort();
  const run = runFakeMain<Report>(
    dir,
    [
      '--playlist',
      playlist,
      '--display',
      '2',
      '--screen',
      'booth-a',
      '--control-listen',
      `127.0.0.1:${port}`,
    ],
    {
      FAKE_ELECTRON_SCENARIO: 'booth',
      FAKE_ELECTRON_HEALTH_URL: `http://127.0.0.1:${port}/api/health`,
      FAKE_ELECTRON_CACHED_URL: CACHED,
      FAKE_ELECTRON_MISSING_URL: MISSING,
      MARQUEE_WATCHDOG_MS: String(WATCHDOG_MS),
      MARQUEE_CONTROL_TOKEN: TOKEN,
    },
    150_000,
  );
  expect(run.stderr).not.toMatch(/Error|Cannot find/);
  expect(run.status).toBe(0);
  const report = run.read();
  steps = new Map(report.booth.steps.map((s) => [s.name, s]));
  windowsOpened = report.booth.windowsOpened;
  cache = report.booth.cache;
  screenshot = report.booth.screenshot;
}, 300_000);

/** Fills the shell's offline cache with the logo only, as `marquee prefetch` does before an event (from loopback). */
async function prefetchLogo(playlist: string): Promise<void> {
  const server = createHttpServer((req, res) => {
    if (req.url === '/logo.svg') {
      res.setHeader('Content-Type', 'image/svg+xml');
      res.end(LOGO);
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  try {
    const run = await promisify(execFile)(
      process.execPath,
      [join(root, 'bin', 'marquee.mjs'), 'prefetch', playlist, '--test-fetch-from', origin],
      { env: { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') }, cwd: root, timeout: 90_000 },
    ).catch((err: { stdout?: string; stderr?: string }) => ({
      stdout: err.stdout ?? '',
      stderr: err.stderr ?? '',
    }));
    expect(run.stdout).toMatch(/1 fetched/);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the Electron shell at a booth (built main process, stand-in electron)', () => {
  it('answers GET /api/health with the displays and GPU status Electron reports', () => {
    const first = step('acknowledging');
    expect(first.status).toBe(200);
    expect(Health.parse(first.health)).toEqual(first.health);
    expect(first.health).toMatchObject({
      healthy: true,
      version: '9.9.9-fake',
      screen: 'booth-a',
      slide: { id: 'first' },
      lastError: null,
      renderers: { connected: 1, acknowledgedSeq: first.health.seq, watchdogReloads: 0 },
    });
    expect(first.health.displays).toEqual([
      { id: 9, label: 'Side TV', width: 1280, height: 720, screen: 'booth-a' },
      { id: 7, label: 'Stage projector', width: 1920, height: 1080, screen: null },
    ]);
    expect(first.health.gpu).toEqual({
      gpu_compositing: 'enabled',
      webgl: 'enabled',
      video_decode: 'enabled',
    });
  });

  it('reloads a renderer that stops acknowledging once the watchdog limit has passed, and logs it', () => {
    const stuck = step('stuck');
    expect(stuck.reloads).toBe(stuck.reloadsBeforeStuck);
    expect(stuck.lastSent?.slideId).toBe('second');
    const reloaded = step('reloaded by the watchdog');
    expect(reloaded.reloads).toBe((stuck.reloadsBeforeStuck ?? 0) + 1);
    // Why: not before the limit (host clock = real clock here); a loaded machine may be later, never earlier.
    expect(reloaded.reloadedAfterMs).toBeGreaterThanOrEqual(WATCHDOG_MS - 100);
    expect(reloaded.health.renderers.watchdogReloads).toBe(1);
    expect(reloaded.health.lastError?.message).toMatch(
      new RegExp(
        `^no renderer acknowledged slide seq ${stuck.health.seq} for \\d+ ms: reloading the renderer$`,
      ),
    );
    expect(reloaded.health.renderers.acknowledgedSeq).toBe(reloaded.health.seq);
    expect(reloaded.health.slide?.id).toBe('second');
  });

  it('reloads a crashed page at once on the same slide and reports the crash in health', () => {
    const crashed = step('crashed');
    expect(crashed.health.lastError?.message).toBe(
      'the kiosk page on display 9 crashed (exit code 139): reloading it on the same slide',
    );
    expect(crashed.health.renderers.connected).toBe(0);
    expect(crashed.health.healthy).toBe(false);
    const back = step('reloaded after the crash');
    expect(back.reloads).toBe((back.beforeCrash?.reloads ?? Number.NaN) + 1);
    expect(back.sentAfterCrash?.[0]).toEqual(back.beforeCrash?.shown);
    expect(back.sentAfterCrash?.[0]?.slideId).toBe('second');
    expect(back.health.renderers.connected).toBe(1);
  });

  it('reloads the pages when the GPU process dies and names it as the last error', () => {
    const gpu = step('GPU process gone');
    expect(gpu.reloads).toBeGreaterThan(gpu.reloadsBeforeGpu ?? Number.POSITIVE_INFINITY);
    expect(gpu.health.lastError?.message).toBe(
      'the GPU process died (crashed, exit code 1): reloading the kiosk pages',
    );
  });

  it('reports a GPU that fell back to software drawing', () => {
    const soft = step('GPU in software');
    expect(soft.health.gpu?.gpu_compositing).toBe('disabled_software');
    expect(soft.health.lastError?.message).toMatch(/^GPU compositing is disabled_software: /);
  });

  it('moves the kiosk window to the primary display when its display is unplugged, and back when it returns', () => {
    const gone = step('side display unplugged');
    expect(gone.bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(gone.health.displays).toEqual([
      { id: 7, label: 'Stage projector', width: 1920, height: 1080, screen: 'booth-a' },
    ]);
    const back = step('side display back');
    expect(back.bounds).toEqual({ x: 1920, y: 0, width: 1280, height: 720 });
    expect(back.health.displays?.find((d) => d.id === 9)?.screen).toBe('booth-a');
    expect(windowsOpened).toBe(1);
  });

  it('writes proof of play for the slide the staff cut short', () => {
    const folder = join(dir, 'state', 'marquee', 'proof-of-play');
    const lines = readdirSync(folder)
      .flatMap((file) => readFileSync(join(folder, file), 'utf8').trim().split('\n'))
      .map((line) => JSON.parse(line) as { slideId?: string; screen?: string });
    expect(lines.some((l) => l.slideId === 'first' && l.screen === 'booth-a')).toBe(true);
    expect(step('side display back').health.proof?.written).toBeGreaterThanOrEqual(1);
  });

  it('serves remote assets from the offline cache on app:// and reports the cache in health', () => {
    expect(cache.upcomingSrc).toBe(`/cache/${encodeURIComponent(CACHED)}`);
    expect(cache.cached).toEqual({ status: 200, type: 'image/svg+xml', body: LOGO });
    expect(cache.missing.status).toBe(404);
    expect(cache.missing.body).toContain('not in the offline cache yet');
    expect(cache.marker.status).toBe(404);
    expect(cache.climbing).toBe(404);
    expect(cache.health).toMatchObject({ entries: 1, pendingFetches: 1 });
  });

  it('logs the watchdog reload, the crash and the dead GPU process in the host log', () => {
    const log = readFileSync(join(dir, 'state', 'marquee', 'logs', 'marquee.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: number; msg: string });
    const logged = (pattern: RegExp) => log.filter((l) => pattern.test(l.msg)).map((l) => l.level);
    expect(logged(/^no renderer acknowledged slide seq \d+ for \d+ ms: reloading the renderer$/)).toEqual([
      40,
    ]);
    expect(logged(/^the kiosk page on display 9 crashed \(exit code 139\)/)).toEqual([50]);
    expect(logged(/^the GPU process died \(crashed, exit code 1\)/)).toEqual([50]);
    expect(logged(/^GPU compositing is disabled_software/)).toEqual([40]);
  });

  it('answers GET /api/screenshot with what webContents.capturePage() shows, scaled, and names the valid displays', () => {
    expect(screenshot.png).toMatchObject({ status: 200, type: 'image/png' });
    const png = PNG.sync.read(Buffer.from(screenshot.png.base64 ?? '', 'base64'));
    expect({ width: png.width, height: png.height }).toEqual({ width: 160, height: 90 });
    // The stand-in page is navy with one white bar: a corner pixel away from it is navy.
    const corner = [...png.data.subarray(0, 3)];
    const far = [...png.data.subarray((png.width - 1) * 4, (png.width - 1) * 4 + 3)];
    expect([corner, far].some((px) => px.join() === '10,20,120')).toBe(true);
    expect(screenshot.badDisplay.status).toBe(400);
    expect(screenshot.badDisplay.body).toContain('display must be 1 (this host shows one display) (got 3)');
    expect(screenshot.health).toMatchObject({ capture: 'electron', unavailable: null, displays: 1 });
    expect(screenshot.captures).toBeGreaterThanOrEqual(1);
  });
});
