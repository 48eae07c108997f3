import { describe, expect, it } from 'vitest';
import { textIn } from '../../src/remote-shared/textIn';
import { uiLanguage } from '../../src/remote-shared/lang';
import { backoffMs, liveLeftMs, socketUrl, tokenFromHash } from '../../src/remote/remoteConnection';

describe('remote connection helpers', () => {
  it('reads the token from the #token= fragment the QR code carries', () => {
    expect(tokenFromHash('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromHash('#other=1')).toBeNull();
    expect(tokenFromHash('')).toBeNull();
  });

  it('backs off from half a second to at most ten seconds', () => {
    expect(backoffMs(0, 0.5)).toBe(500);
    expect(backoffMs(3, 0.5)).toBe(4000);
    expect(backoffMs(20, 1)).toBe(12_000);
    expect(backoffMs(20, 0)).toBe(8000);
  });

  it('counts down from the moment the state arrived, and stops while paused', () => {
    expect(liveLeftMs(10_000, 1000, 4000, true)).toBe(7000);
    expect(liveLeftMs(10_000, 1000, 4000, false)).toBe(10_000);
    expect(liveLeftMs(1000, 0, 5000, true)).toBe(0);
    expect(liveLeftMs(null, 0, 5000, true)).toBeNull();
  });

  it('uses wss on https pages', () => {
    expect(socketUrl({ protocol: 'https:', host: 'kiosk.local:8090' })).toBe('wss://kiosk.local:8090/api/ws');
  });

  it('speaks Chinese for zh* and English otherwise, picking the playlist language to match', () => {
    expect(uiLanguage('zh-TW')).toBe('zh');
    expect(uiLanguage('en-GB')).toBe('en');
    expect(uiLanguage(undefined)).toBe('en');
    expect(textIn({ zh: '午餐时间', en: 'Lunch is served' }, 'zh')).toBe('午餐时间');
    expect(textIn({ zh: '午餐时间' }, 'en')).toBe('午餐时间');
  });
});
