import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Playlist } from '../../src/core/playlist/types';
import { Health } from '../../src/core/channels/healthContract';
import { freePort, type ServeProcess, startServe } from '../e2e/serveProcess';

/** Three announcement slides and two image slides (image files under images/), `seconds` each. */
export function faultPlaylist(seconds: number): Playlist {
  return {
    version: 1,
    event: {
      name: { zh: '弗林克论坛 2018 · 北京', en: 'Flink Forward China 2018 · Beijing' },
      timezone: 'Asia/Shanghai',
      languages: ['zh', 'en'],
    },
    defaults: { duration: seconds, transition: 'cut' },
    slides: [
      { type: 'announcement', id: 'welcome', text: { zh: '欢迎', en: 'Welcome' } },
      {
        type: 'image',
        id: 'hall',
        src: 'images/hall.svg',
        fit: 'contain',
        caption: { zh: '会场', en: 'Hall' },
      },
      { type: 'announcement', id: 'lunch', text: { zh: '午餐', en: 'Lunch' } },
      {
        type: 'image',
        id: 'stream',
        src: 'images/stream.svg',
        fit: 'contain',
        caption: { zh: '数据流', en: 'Stream' },
      },
      { type: 'announcement', id: 'bye', text: { zh: '再见', en: 'Goodbye' } },
    ],
  };
}

/** A plain 16:9 SVG picture of one colour, as the fault show's images are. */
export const faultImage = (fill: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 16 9"><rect width="16" height="9" fill="${fill}"/></svg>\n`;

/** Writes the fault playlist and its images into `dir`; returns the playlist file. */
export async function writeFaultShow(dir: string, seconds: number): Promise<string> {
  await mkdir(join(dir, 'images'), { recursive: true });
  await writeFile(join(dir, 'images', 'hall.svg'), faultImage('#1d3b8b'));
  await writeFile(join(dir, 'images', 'stream.svg'), faultImage('#8b1d5a'));
  const file = join(dir, 'playlist.json');
  await writeFile(file, `${JSON.stringify(faultPlaylist(seconds), null, 2)}\n`);
  return file;
}

/** Starts `marquee serve` for `playlistFile` on `port` with its folders under `home`, the clock `speed` times faster. */
export async function serveShow(
  playlistFile: string,
  home: string,
  port: number | null = null,
  speed = 1,
): Promise<ServeProcess> {
  const previous = process.env.MARQUEE_CLOCK_SPEED;
  process.env.MARQUEE_CLOCK_SPEED = String(speed);
  try {
    return await startServe(
      ['--playlist', playlistFile, '--port', String(port ?? (await freePort())), '--log-level', 'info'],
      home,
      90_000,
    );
  } finally {
    if (previous === undefined) delete process.env.MARQUEE_CLOCK_SPEED;
    else process.env.MARQUEE_CLOCK_SPEED = previous;
  }
}

/** The host's health. */
export async function health(url: string): Promise<Health> {
  const res = await fetch(`${url}api/health`);
  if (!res.ok) throw new Error(`GET ${url}api/health answered ${res.status}`);
  return Health.parse(await res.json());
}

/** Polls `check` until it holds; fails with `what` after `ms`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 45_000,
): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // Why: while a host restarts its health endpoint refuses connections; keep polling.
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The seq and slide type of the layer the renderer has on screen (the newest one), or null. */
export function shownLayer(page: Page): Promise<{ seq: number; type: string } | null> {
  return page.evaluate(() => {
    const layers = [...document.querySelectorAll<HTMLElement>('.layer[data-seq]')];
    const last = layers.at(-1);
    return last ? { seq: Number(last.dataset.seq), type: last.dataset.slideType ?? '' } : null;
  });
}

/** Whether the renderer shows slide `seq` and the host has its acknowledgement. */
export async function presentedOnPage(page: Page, url: string): Promise<boolean> {
  const h = await health(url);
  const layer = await shownLayer(page);
  return layer?.seq === h.seq && h.renderers.acknowledgedSeq === h.seq && h.renderers.connected > 0;
}
