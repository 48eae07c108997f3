import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Playlist } from '../../../src/core/playlist/schema';
import { push, viewsOf } from './harness';
import { type WallPages, wallView } from './testApiWall';

/**
 * The demo video every wall video test and bench plays: an 8 s loop at 25 fps, 1280 × 720 H.264.
 * Why not the WebM copy: three pages decoding VP9 in software on a loaded 2-core machine stall now and then.
 */
export const WALL_VIDEO = join(import.meta.dirname, '../../../assets/demo/video/event-stream.mp4');
/** The demo video's length, seconds. */
export const WALL_VIDEO_S = 8;

/** Copies the demo video into `mediaDir` as loop.mp4. */
export function copyWallVideo(mediaDir: string): void {
  copyFileSync(WALL_VIDEO, join(mediaDir, 'loop.mp4'));
}

/**
 * Puts the spanned video slide (loop.mp4, 30 s) up on every screen of `wall`, to start at real time `startMs`.
 * Why five rounds: each page maps its host's clock from the views' timestamps and keeps the fastest reading.
 */
export async function putUpWallVideo(wall: WallPages, startMs: number): Promise<void> {
  const playlist = Playlist.parse({
    version: 1,
    event: { name: 'Wall test', timezone: 'Asia/Shanghai', languages: ['en'] },
    slides: [{ type: 'video', id: 'loop', src: 'loop.mp4', duration: 30, transition: 'cut', span: true }],
  });
  const [base] = viewsOf(playlist);
  if (base === undefined) throw new Error('no view of the video slide');
  for (let i = 0; i < 5; i++) {
    for (const screen of wall.screens) {
      await push(screen.page, wallView(base, screen, 1, { flipAtMs: startMs, startedAtMs: startMs }));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One presented frame as a probe saw it: real time (ms, the page's clock) and the media clock (s). */
export type ProbeFrame = readonly [realMs: number, mediaS: number];

/** Records, on every presented frame of the page's video for `ms`, the real time and the media clock. */
export async function probeVideo(page: Page, ms: number): Promise<ProbeFrame[]> {
  return page.evaluate(
    (duration) =>
      new Promise<Array<[number, number]>>((resolve) => {
        const video = document.querySelector<HTMLVideoElement>('.layer video');
        if (video === null) {
          resolve([]);
          return;
        }
        const rows: Array<[number, number]> = [];
        const end = performance.now() + duration;
        const onFrame = (): void => {
          const mediaS = video.currentTime;
          const now = performance.now();
          rows.push([performance.timeOrigin + now, mediaS]);
          if (now < end) video.requestVideoFrameCallback(onFrame);
          else resolve(rows);
        };
        video.requestVideoFrameCallback(onFrame);
      }),
    ms,
  );
}

/** How far behind the wall (seconds, wrapped around the loop) a frame is, for a wall started at `startMs`. */
export function lagOf([realMs, mediaS]: ProbeFrame, startMs: number): number {
  let lag = (((realMs - startMs) / 1000) % WALL_VIDEO_S) - mediaS;
  if (lag > WALL_VIDEO_S / 2) lag -= WALL_VIDEO_S;
  if (lag < -WALL_VIDEO_S / 2) lag += WALL_VIDEO_S;
  return lag;
}

/** The median of `values` (NaN for none). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The media-time spread of the screens (ms): max − min of each screen's median lag over its frames. */
export function mediaSpreadMs(probes: readonly (readonly ProbeFrame[])[], startMs: number): number {
  const lags = probes.map((rows) => median(rows.map((row) => lagOf(row, startMs))));
  return (Math.max(...lags) - Math.min(...lags)) * 1000;
}
