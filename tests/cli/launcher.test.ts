import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_DIR, MARQUEE_BIN } from '../support/cliBuild';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'marquee-launcher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `node <bin> args` and collects what it did. */
function run(
  bin: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: dir, timeout: 30_000, env }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 99) : 0, stdout, stderr }),
    );
  });
}

/** A copy of the launcher (and, with `bundle`, the CLI bundle) in a package folder of its own, with no node_modules. */
function installedCopy(name: string, bundle: boolean): string {
  const app = join(dir, name);
  mkdirSync(join(app, 'bin'), { recursive: true });
  cpSync(MARQUEE_BIN, join(app, 'bin', 'marquee.mjs'));
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'marquee', version: '9.8.7', type: 'module' }),
  );
  if (bundle)
    cpSync(CLI_DIR, join(app, 'dist', 'cli'), {
      recursive: true,
      filter: (from) => !from.endsWith('.v8-cache'),
    });
  return join(app, 'bin', 'marquee.mjs');
}

describe('bin/marquee.mjs', { timeout: 60_000 }, () => {
  it('says to run npm run build when the CLI bundle is missing (a git checkout without npm install)', async () => {
    const r = await run(installedCopy('unbuilt', false), ['--version']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the command line is not built');
    expect(r.stderr).toContain('dist/cli/marquee.cjs is missing');
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

  it('compiles the bundle with a code cache of the command’s own, and runs on when that cache is damaged', async () => {
    const bin = installedCopy('cached', true);
    const cache = join(dirname(dirname(bin)), 'dist', 'cli', 'marquee.cjs.validate.v8-cache');
    const fixture = join(root, 'tests', 'fixtures', 'playlists', 'valid', 'every-type.json');
    const env = { ...process.env, MARQUEE_CODE_CACHE_REPORT: '1' };
    const validate = () => run(bin, ['validate', fixture], env);
    const first = await validate();
    expect(first.stderr).toContain('code cache: none');
    expect(existsSync(cache)).toBe(true);
    const second = await validate();
    expect(second.stderr).toContain('code cache: accepted');
    expect(second).toMatchObject({ code: 0, stdout: first.stdout });
    // A power cut while it was written, or a cache from another Node: V8 refuses it, the command runs as usual.
    writeFileSync(cache, readFileSync(cache).subarray(0, 1000));
    const damaged = await validate();
    expect(damaged.stderr).toContain('code cache: rejected');
    expect(damaged).toMatchObject({ code: 0, stdout: first.stdout });
    expect((await validate()).stderr).toContain('code cache: accepted');
  });
});
