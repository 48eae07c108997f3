import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');

/** What a run of the built main process against the stand-in left: exit status, stderr and its report. */
export type FakeMainRun<Report> = Readonly<{ status: number | null; stderr: string; read: () => Report }>;

/**
 * Runs dist/electron/main.cjs in plain Node with `electron` replaced by support/fakeElectron.cjs, in `dir`
 * (config, state and runtime folders inside it), and returns the report the stand-in wrote.
 */
export function runFakeMain<Report>(
  dir: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  timeoutMs = 60_000,
): FakeMainRun<Report> {
  const report = join(dir, `report-${Math.random().toString(36).slice(2)}.json`);
  const run = spawnSync(
    process.execPath,
    [
      '--require',
      join(import.meta.dirname, 'fakeElectron.cjs'),
      join(root, 'dist', 'electron', 'main.cjs'),
      ...args,
    ],
    {
      cwd: dir,
      encoding: 'utf8',
      timeout: timeoutMs,
      env: {
        ...process.env,
        FAKE_ELECTRON_REPORT: report,
        XDG_CONFIG_HOME: join(dir, 'config'),
        XDG_STATE_HOME: join(dir, 'state'),
        XDG_CACHE_HOME: join(dir, 'cache'),
        XDG_RUNTIME_DIR: join(dir, 'run'),
        MARQUEE_LOG_LEVEL: 'warn',
        ...env,
      },
    },
  );
  return {
    status: run.status,
    stderr: run.stderr,
    read: () => JSON.parse(readFileSync(report, 'utf8')) as Report,
  };
}
