import type { BrowserWindowConstructorOptions } from 'electron';
import type { Theme } from '../../core/playlist/types';
import type { Bounds, DisplayInfo } from './displayPlan';

/** How a kiosk window is opened. */
export type KioskWindowSettings = Readonly<{
  /** An ordinary window (for playlist authors) instead of a fullscreen kiosk. */
  windowed: boolean;
  /** Absolute path of the bundled preload script. */
  preloadPath: string;
  /** Whether DevTools may be opened (never in a packaged build). */
  devTools: boolean;
  /** Painted before the page has loaded, so a window never flashes white on a dark venue screen. */
  backgroundColor?: string;
}>;

/** The size of a `--windowed` authoring window. */
export const WINDOWED_SIZE = { width: 1280, height: 720 } as const;

/**
 * The BrowserWindow options for a kiosk on `display`: sandboxed, context-isolated, no Node in the page,
 * hidden until its first paint. A kiosk covers the display's bounds (the shell switches it to kiosk mode
 * once shown); a windowed one is 1280×720, centred on the display, with a frame.
 */
export function kioskWindowOptions(
  display: DisplayInfo,
  settings: KioskWindowSettings,
): BrowserWindowConstructorOptions {
  const bounds = settings.windowed ? centred(display.bounds, WINDOWED_SIZE) : display.bounds;
  return {
    ...bounds,
    show: false,
    frame: settings.windowed,
    resizable: settings.windowed,
    movable: settings.windowed,
    minimizable: settings.windowed,
    maximizable: settings.windowed,
    closable: settings.windowed,
    fullscreenable: true,
    skipTaskbar: !settings.windowed,
    autoHideMenuBar: true,
    title: 'Marquee',
    backgroundColor: settings.backgroundColor ?? '#000000',
    webPreferences: {
      preload: settings.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: settings.devTools,
      // Why: videos start on their own, and a kiosk must keep its timers and animations at full rate when unfocused.
      autoplayPolicy: 'no-user-gesture-required',
      backgroundThrottling: false,
      safeDialogs: true,
      disableDialogs: true,
    },
  };
}

/** A rectangle of `size` centred in `outer` (clamped to fit). */
export function centred(outer: Bounds, size: Readonly<{ width: number; height: number }>): Bounds {
  const width = Math.min(size.width, outer.width);
  const height = Math.min(size.height, outer.height);
  return {
    x: outer.x + Math.floor((outer.width - width) / 2),
    y: outer.y + Math.floor((outer.height - height) / 2),
    width,
    height,
  };
}

/** The colour a window paints before its page: the theme's background colour (first gradient stop), else black. */
export function windowBackground(theme: Theme | undefined): string {
  const background = theme?.background;
  if (background === undefined) return '#000000';
  if (typeof background === 'string') return background;
  if ('gradient' in background) return background.gradient[0] ?? '#000000';
  return background.color ?? '#000000';
}
