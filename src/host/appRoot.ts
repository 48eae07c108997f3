import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Marquee's own package: the folder that holds package.json, dist/ and assets/, and the version. */
export type AppPackage = Readonly<{ root: string; version: string }>;

function packageAt(dir: string): AppPackage | null {
  let pkg: unknown;
  try {
    pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  } catch {
    return null;
  }
  if (typeof pkg !== 'object' || pkg === null || !('name' in pkg) || pkg.name !== 'marquee') return null;
  return {
    root: dir,
    version: 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : 'unknown',
  };
}

/**
 * The nearest folder at or above `from` whose package.json is Marquee's, or null.
 * Why: found by walking up, not by counting folders, so the answer is the same from src/host (tests, tsx),
 * from the CLI bundle in dist/cli and from an installed copy under node_modules/marquee.
 */
export function findAppPackage(from: string = import.meta.dirname): AppPackage | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const found = packageAt(dir);
    if (found !== null) return found;
    if (dirname(dir) === dir) return null;
  }
}

/** The folder of Marquee's package.json (dist/renderer, dist/remote and assets/demo live under it). */
export function appRoot(from: string = import.meta.dirname): string {
  const found = findAppPackage(from);
  if (found === null) {
    throw new Error(
      `Marquee's package.json was not found in ${from} or any folder above it; reinstall Marquee.`,
    );
  }
  return found.root;
}
