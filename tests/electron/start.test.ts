import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('npm start', () => {
  it('says in one sentence how to run the kiosk in a browser when no Electron binary can be found, and fails', () => {
    const empty = mkdtempSync(join(tmpdir(), 'marquee-no-electron-'));
    try {
      const run = spawnSync(process.execPath, [join(root, 'scripts', 'start.mjs'), '--windowed'], {
        cwd: root,
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^Electron could not be started here \(its binary is not installed: ELECTRON_OVERRIDE_DIST_PATH is set but .* does not exist\); run the same kiosk in a browser with: npx marquee serve --open$/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
