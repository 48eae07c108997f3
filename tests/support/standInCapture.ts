import { PNG } from 'pngjs';
import type { DisplayCapture, Pixels } from '../../src/host/screen/screenCapture';

/** What a stand-in display shows: a slide (a bright band left, dark right) or black. */
export type StandInPicture = 'slide' | 'black';

/** The stand-in's picture as `width × height` RGBA pixels. */
export function standInPixels(picture: StandInPicture, width = 64, height = 36): Pixels {
  const px = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const bright = picture === 'slide' && i % width < width / 3;
    px.set(bright ? [240, 240, 250, 255] : picture === 'slide' ? [20, 16, 60, 255] : [0, 0, 0, 255], i * 4);
  }
  return { pixels: px, width, height, channels: 4 };
}

/**
 * A display whose picture a test sets, counting what was asked of it: captures (images and tiny looks)
 * and reloads. `image` answers a real PNG (whatever format is asked: the bytes are for counting and decoding).
 */
export function standInDisplay(picture: StandInPicture = 'slide') {
  const state = { shows: picture, captures: 0, reloads: 0, failWith: null as string | null };
  const display: DisplayCapture = {
    async image(_format, width) {
      state.captures++;
      if (state.failWith !== null) throw new Error(state.failWith);
      const w = width ?? 64;
      const p = standInPixels(state.shows, w, Math.round((w * 9) / 16));
      const png = new PNG({ width: p.width, height: p.height });
      png.data.set(p.pixels);
      return PNG.sync.write(png);
    },
    async tiny(width) {
      state.captures++;
      if (state.failWith !== null) throw new Error(state.failWith);
      return standInPixels(state.shows, width, Math.round((width * 9) / 16));
    },
    async reload() {
      state.reloads++;
    },
  };
  return Object.assign(state, { display });
}

/** The markers of a JPEG `width`×`height` (SOI, an APP0 segment, SOF0), padded to `bytes`. */
export function jpegLike(width: number, height: number, bytes = 200): Buffer {
  const head = Buffer.from([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0x00,
    0x04,
    0x00,
    0x00,
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
  ]);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, bytes - head.length - 2)), Buffer.from([0xff, 0xd9])]);
}

/** A display that answers a JPEG of the width asked, `sizeOf(width)` bytes long. */
export function jpegDisplay(sizeOf: (width: number) => number) {
  const asked: number[] = [];
  const display: DisplayCapture = {
    async image(_format, width) {
      const w = width ?? 320;
      asked.push(w);
      return jpegLike(w, Math.round((w * 9) / 16), sizeOf(w));
    },
    tiny: async () => {
      throw new Error('not used');
    },
    reload: async () => undefined,
  };
  return { display, asked };
}
