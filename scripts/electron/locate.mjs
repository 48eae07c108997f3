// Where the Electron executable is, found the way the `electron` package finds it, but without its side effect:
// requiring `electron` from Node starts a download when the binary is missing. Plain JavaScript so that `npm start`
// runs on Node alone (no TypeScript loader); its types are checked by `tsc -p .`.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the Electron executable is, or why there is none. `fetchable` says whether running Electron's installer
 * can fix it (false when ELECTRON_OVERRIDE_DIST_PATH points elsewhere or the npm package itself is missing).
 * @typedef {Readonly<{ ok: true, path: string }> | Readonly<{ ok: false, reason: string, fetchable: boolean }>} ElectronBinary
 */

/**
 * The file-system look-ups `findElectronBinary` needs (injectable for tests).
 * @typedef {Readonly<{
 *   env: Readonly<Record<string, string | undefined>>,
 *   packageDir: string | null,
 *   exists(path: string): boolean,
 *   readText(path: string): string | null,
 * }>} BinaryProbe
 */

/**
 * Finds the executable as `require('electron')` would: ELECTRON_OVERRIDE_DIST_PATH, else `dist/` named by
 * `path.txt`, and (like Electron's installer) only when `dist/version` is the installed package's version.
 * @param {BinaryProbe} probe
 * @returns {ElectronBinary}
 */
export function findElectronBinary(probe) {
  if (probe.packageDir === null)
    return { ok: false, reason: 'the electron npm package is not installed', fetchable: false };
  const named = probe.readText(join(probe.packageDir, 'path.txt'))?.trim();
  const override = probe.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    const path = join(override, named || 'electron');
    return probe.exists(path)
      ? { ok: true, path }
      : {
          ok: false,
          reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${path} does not exist`,
          fetchable: false,
        };
  }
  if (!named)
    return {
      ok: false,
      reason: 'its binary was never downloaded (node_modules/electron/path.txt is missing)',
      fetchable: true,
    };
  const path = join(probe.packageDir, 'dist', named);
  if (!probe.exists(path)) return { ok: false, reason: `${path} does not exist`, fetchable: true };
  const wanted = packageVersion(probe);
  const installed = probe
    .readText(join(probe.packageDir, 'dist', 'version'))
    ?.trim()
    .replace(/^v/, '');
  if (wanted !== null && installed !== undefined && installed !== wanted)
    return {
      ok: false,
      reason: `the downloaded binary is Electron ${installed} but the electron package is ${wanted}`,
      fetchable: true,
    };
  return { ok: true, path };
}

/**
 * The installed `electron` package's version, or null when its package.json cannot be read.
 * @param {BinaryProbe} probe
 * @returns {string | null}
 */
function packageVersion(probe) {
  if (probe.packageDir === null) return null;
  const text = probe.readText(join(probe.packageDir, 'package.json'));
  if (text === null) return null;
  try {
    const version = JSON.parse(text).version;
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}

/**
 * The installed `electron` npm package's folder as resolved from `fromDir`, or null when it is not installed.
 * @param {string} fromDir
 * @returns {string | null}
 */
export function electronPackageDir(fromDir) {
  try {
    return dirname(createRequire(join(fromDir, 'noop.js')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * `findElectronBinary` against the real file system and environment, resolving `electron` from `fromDir`.
 * @param {string} fromDir
 * @param {Readonly<Record<string, string | undefined>>} [env]
 * @returns {ElectronBinary}
 */
export function locateElectron(fromDir, env = process.env) {
  return findElectronBinary({
    env,
    packageDir: electronPackageDir(fromDir),
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
