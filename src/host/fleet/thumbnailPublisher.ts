import {
  type FleetThumbnail,
  THUMBNAIL_INTERVAL_MS,
  THUMBNAIL_MAX_BASE64,
  THUMBNAIL_MIN_INTERVAL_MS,
  THUMBNAIL_WIDTHS,
} from '../../core/channels/fleetContract';
import type { ScreenCapture } from '../screen/screenCapture';

/** What the publisher needs: the screen, how it sees it, the slide on it, the clock, and where to publish. */
export type ThumbnailOptions = Readonly<{
  screen: string;
  capture: () => ScreenCapture;
  /** Which display (0-based) shows this screen; default the first. */
  display?: number;
  slideId: () => string | null;
  now: () => number;
  publish: (thumbnail: FleetThumbnail) => void;
  log: Readonly<{ warn(obj: object, msg: string): void }>;
  intervalMs?: number;
  minIntervalMs?: number;
}>;

/** The publisher: told of slide changes and connects, it publishes by itself every minute. */
export type ThumbnailPublisher = Readonly<{ changed(): void; stop(): void }>;

/** The width and height of a JPEG (its start-of-frame marker), or null when the bytes are not one. */
export function jpegSize(bytes: Uint8Array): Readonly<{ width: number; height: number }> | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  for (let at = 2; at + 9 < bytes.length; ) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (marker >= 0xc0 && marker <= 0xc3)
      return {
        height: ((bytes[at + 5] ?? 0) << 8) | (bytes[at + 6] ?? 0),
        width: ((bytes[at + 7] ?? 0) << 8) | (bytes[at + 8] ?? 0),
      };
    at += 2 + length;
  }
  return null;
}

/**
 * Publishes a small JPEG of the screen's display (`display`, default the first) on its thumbnail topic every `intervalMs` and soon after a
 * change (a slide, a connect), never more often than `minIntervalMs`, and never larger than the contract's
 * cap (narrower widths are tried). A host that cannot see its screen publishes none; a failed capture is
 * logged once and tried again at the next turn.
 */
export function startThumbnailPublisher(options: ThumbnailOptions): ThumbnailPublisher {
  const interval = options.intervalMs ?? THUMBNAIL_INTERVAL_MS;
  const minInterval = options.minIntervalMs ?? THUMBNAIL_MIN_INTERVAL_MS;
  let lastAt = Number.NEGATIVE_INFINITY;
  let soon: NodeJS.Timeout | null = null;
  let busy = false;
  let warned = false;

  const take = async (): Promise<void> => {
    const capture = options.capture();
    if (busy || capture.kind === 'none') return;
    const display = capture.displays()[options.display ?? 0];
    if (display === undefined) return;
    busy = true;
    lastAt = options.now();
    try {
      for (const width of THUMBNAIL_WIDTHS) {
        const bytes = await display.image('jpeg', width);
        const jpeg = bytes.toString('base64');
        const size = jpegSize(bytes);
        if (size === null) throw new Error('the capture is not a JPEG');
        if (jpeg.length > THUMBNAIL_MAX_BASE64) continue;
        options.publish({ screen: options.screen, at: lastAt, slideId: options.slideId(), ...size, jpeg });
        warned = false;
        return;
      }
      throw new Error(
        `even ${THUMBNAIL_WIDTHS.at(-1)} pixels wide it is over ${THUMBNAIL_MAX_BASE64} characters`,
      );
    } catch (err) {
      if (!warned)
        options.log.warn({ err: String(err) }, 'fleet: no thumbnail of the screen; trying again later');
      warned = true;
    } finally {
      busy = false;
    }
  };

  const every = setInterval(() => void take(), interval);
  return {
    changed() {
      if (soon !== null) return;
      // Why: a moment after the change, so the new slide's transition has run; never within minInterval.
      const wait = Math.max(1_500, lastAt + minInterval - options.now());
      soon = setTimeout(() => {
        soon = null;
        void take();
      }, wait);
    },
    stop() {
      clearInterval(every);
      if (soon !== null) clearTimeout(soon);
      soon = null;
    },
  };
}
