import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureElectronBuilt } from './support/electronBuild';
import { runFakeMain } from './support/runFakeMain';

// `--display all` with `displays`: the built main process, run against the recording stand-in for `electron`
// (two displays: id 7 on the left, id 9 on the right), gives each display its own screen and player.

type Sent = Readonly<{ window: number | null; screen: string | null; slideId: string | null }>;
type Report = Readonly<{
  windows: readonly Record<string, unknown>[];
  sentTo: readonly Sent[];
  afterKey: readonly Sent[];
}>;

let dir: string;

beforeAll(() => {
  ensureElectronBuilt();
  dir = mkdtempSync(join(tmpdir(), 'marquee-displays-'));
  writeFileSync(
    join(dir, 'playlist.json'),
    JSON.stringify({
      version: 1,
      event: { name: 'Displays test', timezone: 'Asia/Shanghai', languages: ['en'] },
      defaults: { duration: 60 },
      slides: [
        { type: 'announcement', id: 'schedule-only', text: 'Schedule', on: ['hall-a-schedule'] },
        { type: 'announcement', id: 'everyone', text: 'Welcome' },
        { type: 'announcement', id: 'sponsors-only', text: 'Sponsors', on: ['sponsors'] },
      ],
    }),
  );
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the built Electron main process with a screen per display', () => {
  let run: ReturnType<typeof runFakeMain<Report>>;
  let report: Report;
  beforeAll(() => {
    run = runFakeMain<Report>(
      dir,
      [
        '--playlist',
        join(dir, 'playlist.json'),
        '--screen',
        'booth-pc',
        '--display',
        'all',
        '--displays',
        JSON.stringify({
          '1': { screen: 'hall-a-schedule' },
          '2': { screen: 'hall-a-sponsors', groups: ['sponsors'] },
          '3': { screen: 'foyer' },
        }),
      ],
      { FAKE_ELECTRON_SCENARIO: 'displays' },
    );
    report = run.read();
  }, 90_000);

  it('says clearly at start that display 3 does not exist, and plays on the two that do', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      'marquee: displays."3": there is no display 3 (2 connected, numbered from the left): screen "foyer" does not play; connect the display and restart Marquee, or remove the entry',
    );
    expect(report.windows.map((w) => w.x)).toEqual([0, 1920]);
  });

  it("pushes each window only its own screen's views, each starting on a slide for it", () => {
    const byWindow = (id: number) => report.sentTo.filter((s) => s.window === id);
    expect(new Set(byWindow(1).map((s) => s.screen))).toEqual(new Set(['hall-a-schedule']));
    expect(new Set(byWindow(2).map((s) => s.screen))).toEqual(new Set(['hall-a-sponsors']));
    expect(byWindow(1)[0]?.slideId).toBe('schedule-only');
    expect(byWindow(2)[0]?.slideId).toBe('everyone');
  });

  it("routes a key from the second page to the second screen's player alone", () => {
    // Why: the new slide, then its acknowledgement: both views go to the second window only.
    expect(report.afterKey.length).toBeGreaterThan(0);
    for (const sent of report.afterKey) {
      expect(sent).toEqual({
        window: 2,
        screen: 'hall-a-sponsors',
        slideId: 'sponsors-only',
        nothingForScreen: false,
      });
    }
  });
});
