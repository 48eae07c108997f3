import { findAppPackage } from './appRoot';

/** The app's version from Marquee's package.json (see `findAppPackage`); "unknown" when there is none. */
export function appVersion(): string {
  // Why: a CommonJS bundle (the Electron main) has no import.meta; it passes app.getVersion() instead.
  if (typeof import.meta.dirname !== 'string') return 'unknown';
  return findAppPackage(import.meta.dirname)?.version ?? 'unknown';
}
