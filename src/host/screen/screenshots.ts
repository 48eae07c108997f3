import type { ScreenshotErrorCode } from '../../core/control/replies';
import { pickDisplay, type ScreenshotQuery } from '../../core/control/screenshotQuery';
import type { ImageFormat, ScreenCapture } from './screenCapture';

/** How long one capture answers every request for the same picture (many phones, one capture). */
export const SCREENSHOT_CACHE_MS = 1_000;

/** A captured picture of one display. */
export type Screenshot = Readonly<{ bytes: Buffer; format: ImageFormat; display: number; takenAt: number }>;

/**
 * Why there is no picture: the host cannot see its screen (`screen-not-seen`), no display shows the show yet
 * (`screen-starting`: try again soon), or the capture failed (`capture-failed`).
 */
export type NoScreenshotCode = ScreenshotErrorCode;

/** What a screenshot request gets: the picture, a request to fix (400), or why there is none (503). */
export type ScreenshotAnswer =
  | Readonly<{ kind: 'image'; shot: Screenshot }>
  | Readonly<{ kind: 'bad-request'; message: string }>
  | Readonly<{ kind: 'unavailable'; code: NoScreenshotCode; message: string }>;

/** Takes screenshots through the host's `ScreenCapture`, each picture shared for `SCREENSHOT_CACHE_MS`. */
export type Screenshots = Readonly<{ take(query: ScreenshotQuery): Promise<ScreenshotAnswer> }>;

/**
 * Screenshots of what the displays really show. A request within `cacheMs` of the same capture (same
 * display, format and width) gets that capture, also while it is still being taken, so a room of phones
 * causes one capture a second at most.
 */
export function createScreenshots(
  options: Readonly<{ capture: () => ScreenCapture; now: () => number; cacheMs?: number }>,
): Screenshots {
  const cacheMs = options.cacheMs ?? SCREENSHOT_CACHE_MS;
  const cache = new Map<string, { at: number; shot: Promise<Screenshot> }>();
  return {
    async take(query) {
      const capture = options.capture();
      if (capture.kind === 'none')
        return { kind: 'unavailable', code: 'screen-not-seen', message: `no screenshot: ${capture.reason}` };
      const displays = capture.displays();
      if (displays.length === 0)
        return {
          kind: 'unavailable',
          code: 'screen-starting',
          message: 'no screenshot: no display shows the show yet; try again soon',
        };
      const picked = pickDisplay(query.display, displays.length);
      if (!picked.ok) return { kind: 'bad-request', message: picked.message };
      const display = displays[picked.index];
      if (display === undefined) return { kind: 'bad-request', message: 'no such display' };
      const key = `${picked.index}:${query.format}:${query.width}`;
      const now = options.now();
      let entry = cache.get(key);
      if (entry === undefined || now - entry.at >= cacheMs) {
        const at = now;
        const shot = display
          .image(query.format, query.width)
          .then((bytes) => ({ bytes, format: query.format, display: picked.index + 1, takenAt: at }));
        entry = { at, shot };
        cache.set(key, entry);
        // Why: a failed capture must not be handed to the next requests as if it were a picture.
        shot.catch(() => {
          if (cache.get(key)?.shot === shot) cache.delete(key);
        });
      }
      try {
        return { kind: 'image', shot: await entry.shot };
      } catch (err) {
        return {
          kind: 'unavailable',
          code: 'capture-failed',
          message: `the screen could not be captured: ${err instanceof Error ? err.message : String(err)}`,
        };
      }
    },
  };
}
