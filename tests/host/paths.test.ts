import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformPaths } from '../../src/host/paths';

describe('platformPaths', () => {
  it('follows the XDG variables on Linux, with logs in the state folder', () => {
    const p = platformPaths(
      { XDG_STATE_HOME: '/s', XDG_CONFIG_HOME: '/c', XDG_CACHE_HOME: '/k' },
      'linux',
      '/home/u',
    );
    expect(p).toEqual({
      config: '/c/marquee',
      state: '/s/marquee',
      logs: '/s/marquee/logs',
      cache: '/k/marquee',
    });
  });

  it('falls back to ~/.local/state, ~/.config and ~/.cache when XDG is unset or empty', () => {
    const p = platformPaths({ XDG_STATE_HOME: '' }, 'linux', '/home/u');
    expect(p.state).toBe('/home/u/.local/state/marquee');
    expect(p.config).toBe('/home/u/.config/marquee');
    expect(p.cache).toBe('/home/u/.cache/marquee');
  });

  it('uses ~/Library/Logs/Marquee on macOS', () => {
    const p = platformPaths({}, 'darwin', '/Users/u');
    expect(p.logs).toBe('/Users/u/Library/Logs/Marquee');
    expect(p.config).toBe('/Users/u/Library/Application Support/Marquee');
  });

  it('uses %LOCALAPPDATA%/Marquee/Logs on Windows', () => {
    const p = platformPaths({ LOCALAPPDATA: 'L', APPDATA: 'R' }, 'win32', 'H');
    expect(p.logs).toBe(join('L', 'Marquee', 'Logs'));
    expect(p.config).toBe(join('R', 'Marquee'));
  });
});
