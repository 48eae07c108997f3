import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freePort, startServe } from '../tests/e2e/serveProcess';
import { launchChromium } from '../tests/support/chromium';
import { ensureRendererBuilt } from '../tests/support/rendererBuild';
import type { BenchRow } from './benchTypes';
import { noticePlaylist, numberedNotices } from '../tests/support/noticePlaylist';

/** Section title in the `npm run bench` table. */
export const title = 'Remote control: command → first painted frame (marquee serve in Chromium)';

const COMMANDS = 200;
const TOKEN = 'bench-control-token-0123456789';
const GOAL_P95_MS = 50;

// Why: long slide times so only the commands move the show; "cut" so the new slide's first frame is visible at once.
const playlistOf = (n: number) => noticePlaylist(numberedNotices(n), { duration: 3600, transition: 'cut' });

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Epoch milliseconds with sub-millisecond resolution; the page reports the same scale. */
const epoch = (): number => performance.timeOrigin + performance.now();

/** Installs a recorder in the kiosk page: for every new shown slide, the epoch time of the frame that paints it. */
async function installPaintRecorder(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __paints: { seq: number; at: number }[] };
    w.__paints = [];
    const show = document.querySelector('[data-shown-seq]');
    if (!show) throw new Error('the kiosk page has no [data-shown-seq] element');
    new MutationObserver(() => {
      const seq = Number(show.getAttribute('data-shown-seq'));
      // Why: a requestAnimationFrame callback runs right before the frame that shows the change is painted.
      requestAnimationFrame(() => w.__paints.push({ seq, at: performance.timeOrigin + performance.now() }));
    }).observe(show, { attributes: true, attributeFilter: ['data-shown-seq'] });
  });
}

async function paintAfter(page: Page, sentAt: number): Promise<number> {
  const handle = await page.waitForFunction(
    (t) => (window as unknown as { __paints: { at: number }[] }).__paints.find((p) => p.at > t)?.at ?? null,
    sentAt,
    { timeout: 10_000, polling: 5 },
  );
  const at = (await handle.jsonValue()) as number;
  await page.evaluate(() => {
    (window as unknown as { __paints: unknown[] }).__paints.length = 0;
  });
  return at - sentAt;
}

function socketSender(path: string): Promise<{ send: (line: string) => Promise<void>; close: () => void }> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(path);
    let waiting: (() => void) | null = null;
    let buf = '';
    socket.on('data', (d) => {
      buf += d.toString();
      if (buf.includes('\n')) {
        buf = buf.slice(buf.lastIndexOf('\n') + 1);
        waiting?.();
        waiting = null;
      }
    });
    socket.once('error', reject);
    socket.once('connect', () =>
      resolve({
        send: (line) =>
          new Promise<void>((done) => {
            waiting = done;
            socket.write(`${line}\n`);
          }),
        close: () => socket.destroy(),
      }),
    );
  });
}

function row(name: string, samples: readonly number[]): BenchRow {
  const p95 = percentile(samples, 95);
  return {
    name,
    median: `${percentile(samples, 50).toFixed(1)} ms`,
    detail: `p95 ${p95.toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms over ${samples.length} commands, load ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores (goal p95 < ${GOAL_P95_MS} ms: ${p95 < GOAL_P95_MS ? 'met' : 'MISSED'})`,
  };
}

/** Runs the command-to-paint benchmark over the local socket and over the LAN API. */
export async function run(): Promise<readonly BenchRow[]> {
  ensureRendererBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'marquee-bench-control-'));
  const chromium = await launchChromium();
  const lanPort = await freePort();
  await writeFile(join(dir, 'playlist.json'), JSON.stringify(playlistOf(12), null, 2));
  const serve = await startServe(
    [
      '--playlist',
      join(dir, 'playlist.json'),
      '--port',
      String(await freePort()),
      '--control-listen',
      `127.0.0.1:${lanPort}`,
      '--control-token',
      TOKEN,
    ],
    dir,
  );
  try {
    const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(serve.url);
    await page.waitForFunction(
      () => (document.querySelector('[data-shown-seq]')?.getAttribute('data-shown-seq') ?? '') !== '',
      undefined,
      {
        timeout: 30_000,
      },
    );
    await installPaintRecorder(page);

    const socketPath = join(dir, 'run', 'marquee', 'control.sock');
    const sender = await socketSender(socketPath);
    const viaSocket: number[] = [];
    const replies: number[] = [];
    for (let i = 0; i < COMMANDS; i++) {
      const sentAt = epoch();
      await sender.send('{"type":"next"}');
      replies.push(epoch() - sentAt);
      viaSocket.push(await paintAfter(page, sentAt));
    }
    sender.close();

    const viaHttp: number[] = [];
    for (let i = 0; i < COMMANDS; i++) {
      const sentAt = epoch();
      const res = await fetch(`http://127.0.0.1:${lanPort}/api/commands`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: '{"type":"next"}',
      });
      if (res.status === 429) {
        // Why: the LAN API rate-limits bursts per client; wait as told and measure the command again.
        await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
        i--;
        await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
        await page.evaluate(() => {
          (window as unknown as { __paints: unknown[] }).__paints.length = 0;
        });
        continue;
      }
      await res.arrayBuffer();
      viaHttp.push(await paintAfter(page, sentAt));
    }
    return [
      row('`next` on the local socket → reply line received', replies),
      row('`next` on the local socket → new slide painted', viaSocket),
      row('`next` via POST /api/commands → new slide painted', viaHttp),
    ];
  } finally {
    await chromium.cleanup();
    await serve.stop();
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  }
}
