import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/host/kiosk/csp';
import { ensureElectronBuilt } from './support/electronBuild';
import { runFakeMain } from './support/runFakeMain';

// The built main process (dist/electron/main.cjs) run in plain Node against a recording stand-in for `electron`
// (support/fakeElectron.cjs): proves the bundle loads and wires every handler, where the real binary cannot run.
let dir: string;

type Report = Readonly<{
  privilegedSchemes: ReadonlyArray<{ scheme: string; privileges: Record<string, boolean> }>;
  schemesRegisteredBeforeReady: boolean;
  hardwareAccelerationDisabled: boolean;
  menu: null | string;
  powerSaveBlocker: string | null;
  shortcuts: readonly string[];
  windows: ReadonlyArray<Record<string, unknown> & { webPreferences: Record<string, unknown> }>;
  loadedUrls: readonly string[];
  sent: ReadonlyArray<{ channel: string; slideId: string | null }>;
  insertedCss: readonly string[];
  kiosk: readonly boolean[];
  checks: Record<string, unknown>;
}>;

function runMain(args: readonly string[]) {
  return runFakeMain<Report>(dir, args);
}

beforeAll(() => {
  ensureElectronBuilt();
  dir = mkdtempSync(join(tmpdir(), 'marquee-main-'));
  mkdirSync(join(dir, 'show'));
  writeFileSync(
    join(dir, 'show', 'playlist.json'),
    JSON.stringify({
      version: 1,
      event: { name: 'Wiring test', timezone: 'Asia/Shanghai', languages: ['en'] },
      slides: [
        { type: 'announcement', id: 'first', text: 'First', duration: 60 },
        { type: 'announcement', id: 'second', text: 'Second', duration: 60 },
      ],
    }),
  );
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the built Electron main process', () => {
  let report: Report;
  beforeAll(() => {
    const run = runMain([
      '--playlist',
      join(dir, 'show', 'playlist.json'),
      '--display',
      '2',
      '--no-hardware-acceleration',
    ]);
    expect(run.stderr).not.toMatch(/Error|Cannot find/);
    expect(run.status).toBe(0);
    report = run.read();
  }, 90_000);

  it('registers app:// as a privileged scheme before the app is ready, and serves it with the CSP', () => {
    expect(report.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
          stream: true,
        }),
      },
    ]);
    expect(report.schemesRegisteredBeforeReady).toBe(true);
    expect(report.checks.index).toEqual({ status: 200, csp: contentSecurityPolicy('electron') });
    expect(report.checks.range).toBe(206);
    expect(report.checks.traversal).toMatchObject({ status: 404 });
  });

  it('applies the settings: no GPU, display kept awake, no menu, the exit chord', () => {
    expect(report.hardwareAccelerationDisabled).toBe(true);
    expect(report.powerSaveBlocker).toBe('prevent-display-sleep');
    expect(report.menu).toBeNull();
    expect(report.shortcuts).toEqual(['Control+Alt+Shift+Q']);
  });

  it('opens one sandboxed kiosk window on the second display from the left, pointer hidden', () => {
    expect(report.windows).toHaveLength(1);
    expect(report.windows[0]).toMatchObject({
      x: 1920,
      y: 0,
      width: 1280,
      height: 720,
      show: false,
      frame: false,
    });
    expect(report.windows[0]?.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(report.loadedUrls).toEqual(['app://renderer/index.html']);
    expect(report.kiosk).toEqual([true]);
    expect(report.insertedCss[0]).toContain('cursor: none');
    expect(report.checks.refocusedAfterBlur).toBe(true);
  });

  it('denies navigation away, new windows and permissions, and adds the CSP to every response', () => {
    expect(report.checks).toMatchObject({
      navigationToWebBlocked: true,
      redirectToFileBlocked: true,
      navigationInsideAllowed: true,
      windowOpen: { action: 'deny' },
      permissionGranted: false,
      permissionCheck: false,
      headersCsp: [contentSecurityPolicy('electron')],
    });
  });

  it('pushes the view to the page, ignores bad IPC and steps on a valid key', () => {
    expect(report.sent[0]).toEqual({ channel: 'marquee:show', seq: 1, slideId: 'first' });
    expect(report.checks.rejectedIpcChangedNothing).toBe(true);
    expect(report.checks.keyAdvanced).toEqual(['second']);
  });
});

describe('the built Electron main process with a bad configuration', () => {
  it('does not start, names the mistake and the fix, and exits with code 2', () => {
    const run = runMain(['--display', 'left', '--exit-chord', 'Q']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      '--display left: must be "primary", "all" or a display number from 1 (got "left"); fix the flag',
    );
    expect(run.stderr).toContain('--exit-chord Q: exit chord "Q" needs at least two modifiers');
  });

  it('exits with code 2 and the file:line:col when the playlist is broken', () => {
    writeFileSync(join(dir, 'broken.json'), '{\n  "version": 1,\n  "slides": [}\n');
    const run = runMain(['--playlist', join(dir, 'broken.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/broken\.json:3:\d+/);
  });
});
