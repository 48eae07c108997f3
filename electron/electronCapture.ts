import type { NativeImage, WebContents } from 'electron';
import type { DisplayCapture, ScreenCapture } from '../src/host/screen/screenCapture';

/** What the capture needs of a kiosk page: its picture and its reload. */
export type CapturablePage = Pick<WebContents, 'capturePage' | 'reload'>;

/** JPEG quality of screenshots (0–100): small on venue Wi-Fi, still readable. */
const JPEG_QUALITY = 80;

function scaled(image: NativeImage, width: number | null): NativeImage {
  // Why: scaled down only; a phone asking for more pixels than the screen has gets the screen's own.
  return width !== null && image.getSize().width > width ? image.resize({ width, quality: 'good' }) : image;
}

/** One kiosk page as a display the host can see, through `webContents.capturePage()`. */
export function electronDisplay(page: CapturablePage): DisplayCapture {
  return {
    async image(format, width) {
      const image = scaled(await page.capturePage(), width);
      return format === 'png' ? image.toPNG() : image.toJPEG(JPEG_QUALITY);
    },
    async tiny(width) {
      const image = (await page.capturePage()).resize({ width, quality: 'good' });
      const size = image.getSize();
      // Why: toBitmap is BGRA on most platforms; pixelStats tells black, flat and changed apart in either order.
      return {
        pixels: new Uint8Array(image.toBitmap()),
        width: size.width,
        height: size.height,
        channels: 4,
      };
    },
    async reload() {
      page.reload();
    },
  };
}

/** The Electron shell's `ScreenCapture`: every kiosk page, display 1 first (left to right). */
export function electronCapture(pages: () => readonly CapturablePage[]): ScreenCapture {
  return { kind: 'electron', displays: () => pages().map(electronDisplay) };
}
