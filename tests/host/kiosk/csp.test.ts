import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../src/host/kiosk/csp';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('allows scripts only from the app and forbids plugins, framing, forms and base changes', () => {
    for (const mode of ['electron', 'browser'] as const) {
      const d = directives(contentSecurityPolicy(mode));
      expect(d.get('object-src')).toBe("'none'");
      expect(d.get('frame-ancestors')).toBe("'none'");
      expect(d.get('base-uri')).toBe("'none'");
      expect(d.get('form-action')).toBe("'none'");
      expect(d.get('script-src')).not.toContain('unsafe');
    }
  });

  it('runs in the shell only scripts of the renderer build, never a file of the playlist folder', () => {
    const shell = directives(contentSecurityPolicy('electron'));
    expect(shell.get('default-src')).toBe("'none'");
    expect(shell.get('script-src')).toBe('app://renderer/assets/');
    const browser = directives(contentSecurityPolicy('browser'));
    expect(browser.get('default-src')).toBe("'self'");
    expect(browser.get('script-src')).toBe("'self'");
  });

  it('lets browser mode open its WebSocket and keeps the Electron page off the network', () => {
    expect(directives(contentSecurityPolicy('browser')).get('connect-src')).toBe("'self' ws: wss:");
    expect(directives(contentSecurityPolicy('electron')).get('connect-src')).toBe("'self'");
  });

  it('lets playlists show images and videos from https', () => {
    const d = directives(contentSecurityPolicy('electron'));
    expect(d.get('img-src')).toContain('https:');
    expect(d.get('media-src')).toContain('https:');
  });
});
