// A clean copy of the project as a fresh clone after `npm install` would have it, but without the Electron binary:
// its own node_modules/electron (the npm package only), everything else linked to this tree so making it is fast.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');

/** Makes the copy in a new temporary folder and returns its path. dist/ must be built (ensureElectronBuilt). */
export function projectWithoutElectronBinary(): string {
  const copy = mkdtempSync(join(tmpdir(), 'marquee-clean-clone-'));
  copyFileSync(join(root, 'package.json'), join(copy, 'package.json'));
  // Why copied, not linked: scripts/start.mjs finds the project from its own real path.
  cpSync(join(root, 'scripts'), join(copy, 'scripts'), { recursive: true });
  for (const linked of ['src', 'electron', 'dist', 'assets'])
    symlinkSync(join(root, linked), join(copy, linked));
  const modules = join(copy, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry === 'electron' || entry.startsWith('.')) continue;
    symlinkSync(join(root, 'node_modules', entry), join(modules, entry));
  }
  // The electron package as npm installs it: its files, never a dist/ or path.txt.
  const electron = join(root, 'node_modules', 'electron');
  mkdirSync(join(modules, 'electron'));
  for (const entry of readdirSync(electron, { withFileTypes: true })) {
    if (entry.isFile() && entry.name !== 'path.txt')
      copyFileSync(join(electron, entry.name), join(modules, 'electron', entry.name));
  }
  return copy;
}
