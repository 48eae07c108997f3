import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isTrustedSender, RENDERER_URL } from '../../../src/host/kiosk/appOrigin';

describe('isAllowedNavigation', () => {
  it('allows the kiosk page and other pages of app://renderer', () => {
    expect(isAllowedNavigation(RENDERER_URL)).toBe(true);
    expect(isAllowedNavigation('app://renderer/index.html#/slide/3')).toBe(true);
  });

  it('denies the web, files, scripts, data, other app hosts and credentials', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:7770/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<h1>x</h1>',
      'app://evil/index.html',
      'app://renderer.evil.com/index.html',
      'app://user:pw@renderer/index.html',
      'APP2://renderer/',
      'not a url',
      '',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('trusts only senders on app://renderer, and no missing frame', () => {
    expect(isTrustedSender('app://renderer/index.html')).toBe(true);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('https://renderer/')).toBe(false);
  });
});
