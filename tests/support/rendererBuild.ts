import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** The built renderer the browser tests serve. */
export const RENDERER_DIST = join(root, 'dist', 'renderer');

/** The newest modification time (ms) of `path` or anything under it. */
export function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** A page Vite builds (a name in vite.config.ts PAGES). */
type Page = 'renderer' | 'remote' | 'fleet-remote';

/** The source folders of each page besides its own src/<page> and src/core: what the two remotes share. */
const SHARED_SOURCES: Readonly<Record<Page, readonly string[]>> = {
  renderer: [],
  remote: ['src/remote-shared'],
  'fleet-remote': ['src/remote-shared'],
};

/**
 * Builds dist/<page> (a name in vite.config.ts PAGES, sources in src/<page>) with Vite when it is missing or
 * older than its sources (src/<page>, what it shares with another page, src/core, vite.config.ts). Test files
 * run in parallel, so the build holds a lock (flock) and re-checks inside it.
 */
export function ensurePageBuilt(page: Page): void {
  const built = join(root, 'dist', page, 'index.html');
  const sourcePaths = [`src/${page}`, ...SHARED_SOURCES[page], 'src/core', 'vite.config.ts'];
  const stale = (): boolean => {
    if (!existsSync(built)) return true;
    const sources = Math.max(...sourcePaths.map((path) => newest(join(root, path))));
    return sources > statSync(built).mtimeMs;
  };
  if (!stale()) return;
  mkdirSync(join(root, '.marquee-tmp'), { recursive: true });
  const rebuildIfStale =
    `if [ ! -f dist/${page}/index.html ] || [ -n "$(find ${sourcePaths.join(' ')} -newer dist/${page}/index.html -print -quit)" ]; ` +
    'then npx vite build --logLevel warn; fi';
  execFileSync('flock', [join(root, '.marquee-tmp', `${page}-build.lock`), 'sh', '-c', rebuildIfStale], {
    cwd: root,
    stdio: 'inherit',
    // Why: vitest sets NODE_ENV=test, with which Vite bundles React's development build (a third bigger and slower);
    // dist/ is what `marquee serve` and the benches serve, so it is always the production build.
    env: { ...process.env, NODE_ENV: 'production', MARQUEE_PAGE: page },
  });
}

/** Builds dist/renderer when it is missing or stale (see `ensurePageBuilt`). */
export function ensureRendererBuilt(): void {
  ensurePageBuilt('renderer');
}
