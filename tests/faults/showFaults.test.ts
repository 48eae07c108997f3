import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformPaths } from '../../src/host/paths';
import { proofOfPlayDir } from '../../src/host/proof/impressionLog';
import { readImpressionLogs } from '../../src/host/proof/readImpressionLogs';
import { positionFile } from '../../src/host/state/positionStore';
import { freePort, type ServeProcess } from '../e2e/serveProcess';
import { type LaunchedChromium, launchChromium } from '../support/chromium';
import { ensureRendererBuilt } from '../support/rendererBuild';
import {
  faultImage,
  health,
  presentedOnPage,
  serveShow,
  shownLayer,
  until,
  writeFaultShow,
} from './faultShow';

let chromium: LaunchedChromium;

beforeAll(async () => {
  ensureRendererBuilt();
  chromium = await launchChromium();
}, 180_000);
afterAll(async () => {
  await chromium?.cleanup();
});

/** One `marquee serve` of the fault show and one page on it, shared by the tests of a describe block. */
type Show = {
  home: string;
  file: string;
  port: number;
  serve: ServeProcess;
  url: string;
  page: Page;
  pageErrors: string[];
};

/** Starts the fault show (`seconds` a slide, clock `speed` times faster) and opens it in a new page. */
async function openShow(seconds: number, speed: number): Promise<Show> {
  const home = await mkdtemp(join(tmpdir(), 'marquee-fault-'));
  const file = await writeFaultShow(home, seconds);
  const port = await freePort();
  const serve = await serveShow(file, home, port, speed);
  const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 720 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(serve.url);
  return { home, file, port, serve, url: serve.url, page, pageErrors };
}

async function closeShow(show: Show | undefined): Promise<void> {
  if (show === undefined) return;
  await show.page.close();
  await show.serve.stop();
  await rm(show.home, { recursive: true, force: true });
}

// Why: these faults need slides that change by themselves; each test leaves the show playing with its files whole,
// so they share one host (2 s slides on a clock twice as fast: a slide a real second, the present time-out 5 s).
describe('faults while the slides change (one marquee serve + Chromium)', () => {
  let show: Show;
  beforeAll(async () => {
    show = await openShow(2, 2);
  }, 120_000);
  afterAll(() => closeShow(show));

  it('shows a placeholder for an image deleted mid-show and keeps playing', async () => {
    const { page, url, home } = show;
    await until(() => presentedOnPage(page, url), 'a slide on screen');
    await unlink(join(home, 'images', 'stream.svg'));
    // Why: the renderer decodes the upcoming slide's image ahead; stream (slide 4) is upcoming only once lunch is up.
    expect(['welcome', 'hall'], 'stream.svg was deleted before the renderer could preload it').toContain(
      (await health(url)).slide?.id,
    );
    await until(async () => (await health(url)).slide?.id === 'stream', 'the deleted image slide to come up');
    await until(
      async () => (await page.locator('.layer').last().locator('.placeholder').count()) > 0,
      'a placeholder where the deleted image was',
    );
    await page.screenshot({ path: join(tmpdir(), 'marquee-fault-deleted-asset.png') });
    await until(() => /stream\.svg/.test(show.serve.stderr()), 'the renderer to report the missing image');
    const before = (await health(url)).renderers.acknowledged;
    await until(async () => (await health(url)).renderers.acknowledged >= before + 2, 'two more slides');
    expect(show.pageErrors).toEqual([]);
    expect(show.serve.child.exitCode).toBe(null);
    await writeFile(join(home, 'images', 'stream.svg'), faultImage('#8b1d5a'));
  }, 120_000);

  it('keeps the last good playlist playing when the file is truncated mid-write, and records the error', async () => {
    const { page, url, file } = show;
    await until(() => presentedOnPage(page, url), 'a slide on screen');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, Math.floor(text.length / 2)));
    await until(async () => !(await health(url)).playlist.ok, 'the truncated edit to be refused');
    const refused = await health(url);
    expect(refused.playlist).toMatchObject({ ok: false, problems: expect.any(Number) });
    expect(refused.lastError?.message).toMatch(/the playlist edit was refused: .*playlist\.json:\d+:\d+/);
    expect(refused.healthy).toBe(false);
    const before = refused.renderers.acknowledged;
    await until(async () => (await health(url)).renderers.acknowledged >= before + 3, 'three more slides');
    expect(['welcome', 'hall', 'lunch', 'stream', 'bye']).toContain((await health(url)).slide?.id);
    await writeFile(file, text);
    await until(async () => (await health(url)).playlist.ok, 'the repaired playlist to be accepted');
    expect(show.serve.stderr()).toMatch(/was refused; the last good version keeps playing/);
    expect(show.pageErrors).toEqual([]);
  }, 120_000);
});

// Why: these faults need a slide that stays put while the fault happens: 120 s slides, moved on with the arrow key.
describe('faults on a held slide (one marquee serve + Chromium)', () => {
  let show: Show;
  beforeAll(async () => {
    show = await openShow(120, 1);
  }, 120_000);
  afterAll(() => closeShow(show));

  /** Moves the show one slide on with the kiosk's arrow key; returns the slide left and the slide now on screen. */
  async function step(): Promise<{ left: string; now: string }> {
    const { page, url } = show;
    await until(() => presentedOnPage(page, url), 'a slide on screen');
    const left = (await health(url)).slide?.id ?? '';
    await page.keyboard.press('ArrowRight');
    await until(async () => ((await health(url)).slide?.id ?? left) !== left, `a slide after ${left}`);
    await until(() => presentedOnPage(page, url), 'the next slide acknowledged');
    return { left, now: (await health(url)).slide?.id ?? '' };
  }

  it('resumes on the same slide after the page is reloaded', async () => {
    const { page, url } = show;
    const { now } = await step();
    const before = await health(url);
    await page.reload();
    await until(
      async () => (await shownLayer(page))?.seq === before.seq,
      'the reloaded page to show the same seq',
    );
    await until(() => presentedOnPage(page, url), 'the same slide acknowledged again');
    const after = await health(url);
    expect(after.slide?.id).toBe(now);
    expect(after.seq).toBe(before.seq);
    expect(after.renderers.connected).toBe(1);
    expect(after.renderers.watchdogReloads).toBe(0);
    expect(show.pageErrors).toEqual([]);
  }, 120_000);

  it('resumes on the same slide after the host is killed with SIGKILL and restarted; the proof log stays readable', async () => {
    const { page, url, file, home, port } = show;
    const { left, now } = await step();
    // Kill only once the impression of the slide that ended is on disk (impressions are written asynchronously).
    const state = platformPaths({ XDG_STATE_HOME: join(home, 'state') }, 'linux', home).state;
    const logged = async (): Promise<string[]> =>
      (await readImpressionLogs(proofOfPlayDir(state))).records.map((r) => r.slideId);
    await until(async () => (await logged()).includes(left), `the impression of slide ${left} on disk`);
    // Why: the position is saved in the background too; under load it can land after the impression.
    const savedSlide = async (): Promise<string | null> =>
      JSON.parse(await readFile(positionFile(state, 'main'), 'utf8').catch(() => '{}')).slideId ?? null;
    await until(async () => (await savedSlide()) === now, `the position on slide ${now} on disk`);
    show.serve.child.kill('SIGKILL');
    await show.serve.stop();
    show.serve = await serveShow(file, home, port).catch(async () => {
      // Why: the killed host's port can take a moment to be free again.
      await new Promise((r) => setTimeout(r, 1000));
      return serveShow(file, home, port);
    });
    await until(async () => (await health(url)).renderers.connected > 0, 'the page to reconnect', 30_000);
    const resumed = await health(url);
    expect(resumed.slide?.id).toBe(now);
    await until(() => presentedOnPage(page, url), 'the resumed slide acknowledged');
    expect(show.serve.stdout() + show.serve.stderr()).toMatch(new RegExp(`resuming on slide "${now}"`));

    const proof = await readImpressionLogs(proofOfPlayDir(state));
    expect(proof.records.map((r) => r.slideId)).toContain(left);
    expect(show.pageErrors).toEqual([]);
  }, 150_000);
});
