import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newest } from './rendererBuild';

const root = join(import.meta.dirname, '..', '..');

/** The `marquee` launcher users run (`npx marquee`); it runs the CLI bundle. */
export const MARQUEE_BIN = join(root, 'bin', 'marquee.mjs');

/** The folder of the CLI bundle: the bundle, its source map and each command's V8 code cache. */
export const CLI_DIR = join(root, 'dist', 'cli');

/** The CLI bundle's entry that `npm run build` writes and bin/marquee.mjs runs. */
export const CLI_BUNDLE = join(CLI_DIR, 'marquee.cjs');

/** What the CLI bundle is built from: a change to any of these makes it stale. */
const SOURCES = ['src/cli', 'src/host', 'src/core', 'scripts/build.mjs', 'package.json', 'package-lock.json'];

/**
 * Builds dist/cli/marquee.cjs (`node scripts/build.mjs cli`) when it is missing or older than its sources, so no
 * test or bench runs a stale bundle. Runs from vitest's globalSetup and the benches; holds a lock (flock) and
 * re-checks inside it, as two runs may start at once.
 */
export function ensureCliBuilt(): void {
  const stale = (): boolean =>
    !existsSync(CLI_BUNDLE) ||
    Math.max(...SOURCES.map((s) => newest(join(root, s)))) > statSync(CLI_BUNDLE).mtimeMs;
  if (!stale()) return;
  mkdirSync(join(root, '.marquee-tmp'), { recursive: true });
  const rebuildIfStale =
    `if [ ! -f dist/cli/marquee.cjs ] || [ -n "$(find ${SOURCES.join(' ')} -newer dist/cli/marquee.cjs -print -quit)" ]; ` +
    'then node scripts/build.mjs cli; fi';
  execFileSync('flock', [join(root, '.marquee-tmp', 'cli-build.lock'), 'sh', '-c', rebuildIfStale], {
    cwd: root,
    stdio: 'inherit',
  });
}
