// Runs the project's electron-builder as a user would (`npx electron-builder …`), offline: Electron comes from a
// loopback mirror, electron-builder's own tools from another loopback URL, and every cache lives in `home`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');
const CLI = join(root, 'node_modules', 'electron-builder', 'cli.js');

export type BuildRun = Readonly<{ code: number | null; output: string; ms: number }>;

export type BuildOptions = Readonly<{
  /** Where the user's caches are (XDG_CACHE_HOME): the Electron zip and electron-builder's tools land here. */
  cache: string;
  /** The Electron mirror (ELECTRON_MIRROR, laid out as npmmirror's). */
  electronMirror: string;
  /** Where electron-builder fetches its own tools (ELECTRON_BUILDER_BINARIES_MIRROR). */
  toolsMirror: string;
  /**
   * Stop the build at its first error line (`⨯`). Why: after a failed download electron-builder keeps running
   * for about 30 s before it exits (and ignores SIGTERM meanwhile); the error has been said by then.
   */
  stopAtError?: boolean;
}>;

/**
 * `electron-builder ...args` in the project, with nothing from this shell's ELECTRON_/npm_ settings, nor VITEST
 * (electron-builder logs only errors when it sees it).
 */
export function electronBuilder(args: readonly string[], options: BuildOptions): Promise<BuildRun> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(ELECTRON_|electron_|npm_|CSC_|USE_SYSTEM_|VITEST)/i.test(key),
    ),
  );
  const env = {
    ...clean,
    XDG_CACHE_HOME: options.cache,
    ELECTRON_MIRROR: options.electronMirror,
    ELECTRON_CUSTOM_DIR: '{{ version }}',
    ELECTRON_BUILDER_BINARIES_MIRROR: options.toolsMirror,
    ELECTRON_BUILDER_BINARIES_ALLOW_HTTP: 'true',
  };
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.stopAtError === true && /⨯[^\n]*\n/.test(output)) child.kill('SIGKILL');
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const limit = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code) => {
      clearTimeout(limit);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}
