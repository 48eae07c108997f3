import { readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { platformPaths } from '../../src/host/paths';
import { proofOfPlayDir } from '../../src/host/proof/impressionLog';
import { readImpressionLogs } from '../../src/host/proof/readImpressionLogs';
import { freePort, type ServeProcess } from '../e2e/serveProcess';
import { type LaunchedChromium, launchChromium } from '../support/chromium';
import { ensureRendererBuilt } from '../support/rendererBuild';
import { health, presentedOnPage, serveShow, shownLayer, until, writeFaultShow } from './faultShow';

let chromium: LaunchedChromium;
let home: string;
let page: Page;
let serve: ServeProcess | null;
let pageErrors: string[];

beforeAll(async () => {
  ensureRendererBuilt();
  chromium = await launchChromium();
}, 180_000);
afterAll(async () => {
  await chromium?.cleanup();
});
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'marquee-fault-'));
  page = await chromium.browser.newPage({ viewport: { width: 1280, height: 720 } });
  pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  serve = null;
});
afterEach(async () => {
  await page.close();
  await serve?.stop();
  await rm(home, { recursive: true, force: true });
});

describe('faults during a show (marquee serve + Chromium)', () => {
  it('shows a placeholder for an image deleted mid-show and keeps playing', async () => {
    const file = await writeFaultShow(home, 3);
    serve = await serveShow(file, home);
    const url = serve.url;
    await page.goto(url);
    await until(() => presentedOnPage(page, url), 'the first slide on screen');
    // Why: stream.svg (slide 4) has not been preloaded yet; the upcoming slide's image (hall) already has.
    await unlink(join(home, 'images', 'stream.svg'));
    await until(
      async () => (await health(url)).slide?.id === 'stream',
      'the deleted image slide to come up',
      60_000,
    );
    await until(
      async () => (await page.locator('.layer').last().locator('.placeholder').count()) > 0,
      'a placeholder where the deleted image was',
    );
    await page.screenshot({ path: join(tmpdir(), 'marquee-fault-deleted-asset.png') });
    await until(() => /stream\.svg/.test(serve?.stderr() ?? ''), 'the renderer to report the missing image');
    const before = (await health(url)).renderers.acknowledged;
    await until(async () => (await health(url)).renderers.acknowledged >= before + 2, 'two more slides');
    expect(pageErrors).toEqual([]);
    expect(serve.child.exitCode).toBe(null);
  }, 150_000);

  it('keeps the last good playlist playing when the file is truncated mid-write, and records the error', async () => {
    const file = await writeFaultShow(home, 1);
    serve = await serveShow(file, home, null, 2);
    const url = serve.url;
    await page.goto(url);
    await until(() => presentedOnPage(page, url), 'the first slide on screen');
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
    expect(serve.stderr()).toMatch(/was refused; the last good version keeps playing/);
    expect(pageErrors).toEqual([]);
  }, 150_000);

  it('resumes on the same slide after the page is reloaded', async () => {
    const file = await writeFaultShow(home, 120);
    serve = await serveShow(file, home);
    const url = serve.url;
    await page.goto(url);
    await until(() => presentedOnPage(page, url), 'the first slide on screen');
    await page.keyboard.press('ArrowRight');
    await until(async () => (await health(url)).slide?.id === 'hall', 'the second slide');
    await until(() => presentedOnPage(page, url), 'the second slide acknowledged');
    const before = await health(url);
    await page.reload();
    await until(
      async () => (await shownLayer(page))?.seq === before.seq,
      'the reloaded page to show the same seq',
    );
    const after = await health(url);
    expect(after.slide?.id).toBe('hall');
    expect(after.seq).toBe(before.seq);
    expect(after.renderers.connected).toBe(1);
    expect(after.renderers.watchdogReloads).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 150_000);

  it('resumes on the same slide after the host is killed with SIGKILL and restarted; the proof log stays readable', async () => {
    const file = await writeFaultShow(home, 120);
    const port = await freePort();
    serve = await serveShow(file, home, port);
    const url = serve.url;
    await page.goto(url);
    await until(() => presentedOnPage(page, url), 'the first slide on screen');
    for (const expected of ['hall', 'lunch']) {
      await page.keyboard.press('ArrowRight');
      await until(async () => (await health(url)).slide?.id === expected, `slide ${expected}`);
      await until(() => presentedOnPage(page, url), `slide ${expected} acknowledged`);
    }
    // Kill only once the impressions of the slides that ended are on disk (they are written asynchronously).
    const state = platformPaths({ XDG_STATE_HOME: join(home, 'state') }, 'linux', home).state;
    const logged = async (): Promise<string[]> =>
      (await readImpressionLogs(proofOfPlayDir(state))).records.map((r) => r.slideId);
    await until(async () => (await logged()).includes('hall'), 'the impression of slide hall on disk');
    serve.child.kill('SIGKILL');
    await serve.stop();
    serve = await serveShow(file, home, port).catch(async () => {
      // Why: the killed host's port can take a moment to be free again.
      await new Promise((r) => setTimeout(r, 1000));
      return serveShow(file, home, port);
    });
    await until(async () => (await health(url)).renderers.connected > 0, 'the page to reconnect', 30_000);
    const resumed = await health(url);
    expect(resumed.slide?.id).toBe('lunch');
    await until(() => presentedOnPage(page, url), 'the resumed slide acknowledged');
    expect(serve.stdout() + serve.stderr()).toMatch(/resuming on slide "lunch"/);

    const proof = await readImpressionLogs(proofOfPlayDir(state));
    expect(proof.records.map((r) => r.slideId)).toEqual(expect.arrayContaining(['welcome', 'hall']));
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
