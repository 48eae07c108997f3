import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_DIR, MARQUEE_BIN } from '../support/cliBuild';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'marquee-launcher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `node <bin> args` and collects what it did. */
function run(
  bin: string,
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: dir, timeout: 30_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 99) : 0, stdout, stderr }),
    );
  });
}

/** A copy of the launcher (and, with `bundle`, the CLI bundle and its chunks) in a package folder of its own, with no node_modules. */
function installedCopy(name: string, bundle: boolean): string {
  const app = join(dir, name);
  mkdirSync(join(app, 'bin'), { recursive: true });
  cpSync(MARQUEE_BIN, join(app, 'bin', 'marquee.mjs'));
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'marquee', version: '9.8.7', type: 'module' }),
  );
  if (bundle) cpSync(CLI_DIR, join(app, 'dist', 'cli'), { recursive: true });
  return join(app, 'bin', 'marquee.mjs');
}

describe('bin/marquee.mjs', { timeout: 60_000 }, () => {
  it('says to run npm run build when the CLI bundle is missing (a git checkout without npm install)', async () => {
    const r = await run(installedCopy('unbuilt', false), ['--version']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the command line is not built');
    expect(r.stderr).toContain('dist/cli/marquee.mjs is missing');
    expect(r.stderr).toContain('Run: npm run build');
    expect(r.stdout).toBe('');
  });

  it('runs the bundle without node_modules: version from its own package.json, validate and schema work', async () => {
    const bin = installedCopy('installed', true);
    expect(await run(bin, ['--version'])).toMatchObject({ code: 0, stdout: '9.8.7\n' });
    const fixture = join(root, 'tests', 'fixtures', 'playlists', 'valid', 'every-type.json');
    const valid = await run(bin, ['validate', fixture]);
    expect(valid.stdout).toContain('is valid: 11 slides');
    expect(valid.code).toBe(0);
    const schema = await run(bin, ['schema']);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout)).toHaveProperty('$schema');
  });
});
