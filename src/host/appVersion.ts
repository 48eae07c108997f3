import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The app's version from package.json (two folders up from here, as in the repository and the packaged app). */
export function appVersion(): string {
  try {
    const pkg: unknown = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'),
    );
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string')
      return pkg.version;
  } catch {
    // Why: a bundled build may not ship package.json next to the code (or has no import.meta); callers still answer.
  }
  return 'unknown';
}
