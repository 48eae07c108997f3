import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import {
  detectScreenSize,
  kioskChromiumArgs,
  parseXrandrScreen,
  startKioskBrowser,
} from '../../../src/host/http/kioskBrowser';
import { until } from '../../support/until';

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

describe('startKioskBrowser stopped while it restarts the browser', () => {
  it('leaves no browser running: a restart under way does not open a new one after stop', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'marquee-kiosk-'));
    const pids = join(dir, 'pids');
    // A stand-in Chromium: records its pid, then lives until it is killed (slow to die, like a real one).
    const fake = join(dir, 'chromium');
    await writeFile(
      fake,
      `#!/bin/sh\necho $$ >> ${pids}\ntrap 'sleep 0.3; exit 0' TERM\nwhile :; do sleep 0.05; done\n`,
    );
    await chmod(fake, 0o755);
    const logger = pino({ level: 'silent' });
    const browser = startKioskBrowser(fake, 'http://127.0.0.1:1/', join(dir, 'profile'), logger);
    const alive = (pid: number): boolean => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const started = (): number[] =>
      (existsSync(pids) ? readFileSync(pids, 'utf8') : '').split('\n').filter(Boolean).map(Number);
    await until(() => started().length === 1);
    try {
      const restarting = browser.restart();
      // Why: the show is stopped (SIGTERM) while the restart waits for the old browser to exit.
      browser.stop();
      await restarting;
      await new Promise((resolve) => setTimeout(resolve, 600));
      const all = started();
      expect(all.filter(alive), `browsers started: ${all.join(', ')}`).toEqual([]);
    } finally {
      // Why: a failing run must not leave its stand-ins looping.
      for (const pid of started().filter(alive)) process.kill(pid, 'SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  }, 10_000);
});
