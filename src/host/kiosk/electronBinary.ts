import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the Electron executable is, or why there is none. */
export type ElectronBinary = Readonly<{ ok: true; path: string }> | Readonly<{ ok: false; reason: string }>;

/** The file-system look-ups `findElectronBinary` needs (injectable for tests). */
export type BinaryProbe = Readonly<{
  env: Readonly<Record<string, string | undefined>>;
  /** The installed `electron` npm package's folder, or null when it is not installed. */
  packageDir: string | null;
  exists(path: string): boolean;
  readText(path: string): string | null;
}>;

/**
 * Finds the Electron executable the way the `electron` package does (ELECTRON_OVERRIDE_DIST_PATH, else
 * `dist/` named by `path.txt`) but without its side effect: requiring `electron` from Node starts a
 * download when the binary is missing, which hangs or fails on machines without internet.
 */
export function findElectronBinary(probe: BinaryProbe): ElectronBinary {
  if (probe.packageDir === null) return { ok: false, reason: 'the electron npm package is not installed' };
  const named = probe.readText(join(probe.packageDir, 'path.txt'))?.trim();
  const override = probe.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    const path = join(override, named || 'electron');
    return probe.exists(path)
      ? { ok: true, path }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${path} does not exist` };
  }
  if (!named)
    return {
      ok: false,
      reason: 'its binary was never downloaded (node_modules/electron/path.txt is missing)',
    };
  const path = join(probe.packageDir, 'dist', named);
  return probe.exists(path) ? { ok: true, path } : { ok: false, reason: `${path} does not exist` };
}

/** `findElectronBinary` against the real file system and environment, resolving `electron` from `fromDir`. */
export function locateElectron(fromDir: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  let packageDir: string | null;
  try {
    packageDir = dirname(createRequire(join(fromDir, 'noop.js')).resolve('electron/package.json'));
  } catch {
    packageDir = null;
  }
  return findElectronBinary({
    env,
    packageDir,
    exists: existsSync,
    readText: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
  });
}
