/** An image format the host can capture a screen in. */
export type ImageFormat = 'jpeg' | 'png';

/** Raw pixels of a capture: `channels` bytes a pixel, row by row. */
export type Pixels = Readonly<{ pixels: Uint8Array; width: number; height: number; channels: 3 | 4 }>;

/** One display the host can see: capture it (whole or scaled down), look at it tiny, reload its page. */
export type DisplayCapture = Readonly<{
  /** The screen as an image, scaled down to `width` pixels wide (never up); null: as large as it is. */
  image(format: ImageFormat, width: number | null): Promise<Buffer>;
  /** The screen scaled down to about `width` pixels wide, as raw pixels (the watchdog's look). */
  tiny(width: number): Promise<Pixels>;
  /** Reloads the page on it. */
  reload(): Promise<void>;
}>;

/**
 * How the host sees what is really on its screens, the one port both shells fill in: the DevTools pipe of
 * the Chromium `serve --open` started, Electron's `webContents.capturePage()`, or not at all (an external
 * kiosk browser), with the reason health and `/api/screenshot` give.
 */
export type ScreenCapture =
  | Readonly<{
      kind: 'devtools' | 'electron';
      /** The displays in order (display 1 first); empty while none shows the show yet. */
      displays(): readonly DisplayCapture[];
      /** Starts the renderer again when a reload did not help (browser mode restarts its Chromium). */
      restart?: () => Promise<void>;
    }>
  | Readonly<{ kind: 'none'; reason: string }>;

/** A capture that sees nothing, and why. */
export function noCapture(reason: string): ScreenCapture {
  return { kind: 'none', reason };
}

/** What a shell that has not said how it sees its screens answers. */
export const NOT_SEEN_YET = noCapture('the shell has not said yet how it sees its screens');

/** The reason for `serve` without `--open`: the kiosk browser is not this host's to look into. */
export const EXTERNAL_BROWSER = noCapture(
  'the kiosk browser was not started by this host (serve without --open), so the host cannot see its screen',
);
