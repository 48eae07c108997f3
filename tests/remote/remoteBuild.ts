import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** The built web remote the browser tests serve. */
export const REMOTE_DIST = join(root, 'dist', 'remote');

/** Builds dist/remote with Vite when it is missing or older than src/remote, src/core or vite.config.ts (under a lock). */
export function ensureRemoteBuilt(): void {
  mkdirSync(join(root, '.marquee-tmp'), { recursive: true });
  const rebuildIfStale =
    'if [ ! -f dist/remote/index.html ] || [ -n "$(find src/remote src/core vite.config.ts -newer dist/remote/index.html -print -quit)" ]; ' +
    'then npx vite build --logLevel warn; fi';
  execFileSync('flock', [join(root, '.marquee-tmp', 'remote-build.lock'), 'sh', '-c', rebuildIfStale], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MARQUEE_PAGE: 'remote' },
  });
}
