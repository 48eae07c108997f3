import { describe, expect, it } from 'vitest';
import { isPermissionAllowed, shellPolicy } from '../../../src/host/kiosk/shellPolicy';

describe('shellPolicy', () => {
  it('never allows DevTools in a packaged build', () => {
    expect(shellPolicy({ isPackaged: true, windowed: true }).devTools).toBe(false);
    expect(shellPolicy({ isPackaged: true, windowed: false }).devTools).toBe(false);
    expect(shellPolicy({ isPackaged: false, windowed: false }).devTools).toBe(true);
  });

  it('hides the pointer and holds fullscreen in a kiosk, not in an authoring window', () => {
    expect(shellPolicy({ isPackaged: true, windowed: false })).toMatchObject({
      hideCursor: true,
      keepFullscreen: true,
    });
    expect(shellPolicy({ isPackaged: false, windowed: true })).toMatchObject({
      hideCursor: false,
      keepFullscreen: false,
    });
  });

  it('denies every permission a page asks for', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
    ]) {
      expect(isPermissionAllowed(p)).toBe(false);
    }
  });
});
