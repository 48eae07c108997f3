import { describe, expect, it } from 'vitest';
import { detectScreenSize, kioskChromiumArgs, parseXrandrScreen } from '../../../src/host/http/kioskBrowser';

describe('kioskChromiumArgs', () => {
  it('opens the URL as a fullscreen app with autoplay, no prompts and its own profile', () => {
    const args = kioskChromiumArgs('http://127.0.0.1:7770/', '/s/chromium-kiosk', false);
    expect(args).toEqual(
      expect.arrayContaining([
        '--kiosk',
        '--app=http://127.0.0.1:7770/',
        '--noerrdialogs',
        '--disable-infobars',
        '--autoplay-policy=no-user-gesture-required',
        '--user-data-dir=/s/chromium-kiosk',
      ]),
    );
    expect(args).not.toContain('--no-sandbox');
    expect(args.some((a) => a.startsWith('--window-size'))).toBe(false);
  });

  it('turns the sandbox off only when running as root', () => {
    expect(kioskChromiumArgs('http://x/', '/p', true)).toContain('--no-sandbox');
  });

  it('sizes the window to the screen when the screen size is known', () => {
    const args = kioskChromiumArgs('http://x/', '/p', false, { width: 1920, height: 1080 });
    expect(args).toEqual(expect.arrayContaining(['--window-position=0,0', '--window-size=1920,1080']));
  });
});

describe('parseXrandrScreen', () => {
  it('reads the current size from xrandr output', () => {
    const text =
      'Screen 0: minimum 1 x 1, current 3840 x 2160, maximum 8192 x 8192\nHDMI-1 connected primary';
    expect(parseXrandrScreen(text)).toEqual({ width: 3840, height: 2160 });
  });

  it('gives null for output it does not understand', () => {
    expect(parseXrandrScreen("Can't open display")).toBeNull();
  });
});

describe('detectScreenSize', () => {
  it('does not guess when there is no X display', () => {
    expect(detectScreenSize({ DISPLAY: '' })).toBeNull();
  });
});
