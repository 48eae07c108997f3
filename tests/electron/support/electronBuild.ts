import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');

/** The built Electron main process and preload. */
export const ELECTRON_DIST = join(root, 'dist', 'electron');

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return Math.max(latest, newest(full));
    return /\.(ts|tsx|html|css)$/.test(entry.name) ? Math.max(latest, statSync(full).mtimeMs) : latest;
  }, 0);
}

/**
 * Runs `scripts/build.mjs` when dist/electron is missing or older than electron/ or src/. Holds the same lock as
 * the renderer tests' build (tests/support/rendererBuild.ts), since both write dist/ and test files run in parallel.
 */
export function ensureElectronBuilt(): void {
  const main = join(ELECTRON_DIST, 'main.cjs');
  const stale = () =>
    !existsSync(main) ||
    statSync(main).mtimeMs < Math.max(newest(join(root, 'electron')), newest(join(root, 'src')));
  if (!stale()) return;
  mkdirSync(join(root, '.marquee-tmp'), { recursive: true });
  execFileSync(
    'flock',
    [join(root, '.marquee-tmp', 'renderer-build.lock'), process.execPath, join(root, 'scripts', 'build.mjs')],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
