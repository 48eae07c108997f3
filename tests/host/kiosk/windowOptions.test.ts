import { describe, expect, it } from 'vitest';
import { centred, kioskWindowOptions, windowBackground } from '../../../src/host/kiosk/windowOptions';

const display = { id: 1, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };
const settings = { windowed: false, preloadPath: '/app/dist/electron/preload.cjs', devTools: false };

describe('kioskWindowOptions', () => {
  it('locks the page down: sandbox, context isolation, no Node, web security, no webview', () => {
    const prefs = kioskWindowOptions(display, settings).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
      preload: settings.preloadPath,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('covers the whole display, frameless and hidden until its first paint', () => {
    const options = kioskWindowOptions(display, settings);
    expect(options).toMatchObject({ ...display.bounds, frame: false, show: false, closable: false });
    expect(options.backgroundColor).toBe('#000000');
  });

  it('opens a framed 1280×720 window centred on the display with --windowed', () => {
    const options = kioskWindowOptions(display, { ...settings, windowed: true, backgroundColor: '#0b1026' });
    expect(options).toMatchObject({
      x: 1920 + 1280,
      y: 720,
      width: 1280,
      height: 720,
      frame: true,
      resizable: true,
    });
    expect(options.backgroundColor).toBe('#0b1026');
  });

  it('allows DevTools only when asked to', () => {
    expect(kioskWindowOptions(display, { ...settings, devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('centred', () => {
  it('shrinks to fit a display smaller than the window', () => {
    expect(centred({ x: 0, y: 0, width: 1024, height: 600 }, { width: 1280, height: 720 })).toEqual({
      x: 0,
      y: 0,
      width: 1024,
      height: 600,
    });
  });
});

describe('windowBackground', () => {
  it('paints the theme colour before the page, so the window never flashes a different colour', () => {
    expect(windowBackground({ background: '#0b1026' })).toBe('#0b1026');
    expect(windowBackground({ background: { gradient: ['#101040', '#401040'] } })).toBe('#101040');
    expect(windowBackground({ background: { image: 'bg.svg', color: '#222222' } })).toBe('#222222');
    expect(windowBackground({ background: { image: 'bg.svg' } })).toBe('#000000');
    expect(windowBackground({})).toBe('#000000');
  });
});
