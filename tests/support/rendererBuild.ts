import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** The built renderer the browser tests serve. */
export const RENDERER_DIST = join(root, 'dist', 'renderer');

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * Builds dist/renderer with Vite when it is missing or older than its sources (src/renderer, src/core,
 * vite.config.ts). Test files run in parallel, so the build holds a lock (flock) and re-checks inside it.
 */
export function ensureRendererBuilt(): void {
  const stale = (): boolean => {
    const built = join(RENDERER_DIST, 'index.html');
    if (!existsSync(built)) return true;
    const sources = Math.max(
      newest(join(root, 'src', 'renderer')),
      newest(join(root, 'src', 'core')),
      newest(join(root, 'vite.config.ts')),
    );
    return sources > statSync(built).mtimeMs;
  };
  if (!stale()) return;
  mkdirSync(join(root, '.marquee-tmp'), { recursive: true });
  const rebuildIfStale =
    'if [ ! -f dist/renderer/index.html ] || [ -n "$(find src/renderer src/core vite.config.ts -newer dist/renderer/index.html -print -quit)" ]; ' +
    'then npx vite build --logLevel warn; fi';
  execFileSync('flock', [join(root, '.marquee-tmp', 'renderer-build.lock'), 'sh', '-c', rebuildIfStale], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MARQUEE_PAGE: 'renderer' },
  });
}
