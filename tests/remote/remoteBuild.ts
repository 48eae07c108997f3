import { join } from 'node:path';
import { ensurePageBuilt } from '../support/rendererBuild';

/** The built web remote the browser tests serve. */
export const REMOTE_DIST = join(import.meta.dirname, '..', '..', 'dist', 'remote');

/** Builds dist/remote when it is missing or stale (see `ensurePageBuilt`). */
export function ensureRemoteBuilt(): void {
  ensurePageBuilt('remote');
}
