import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot, findAppPackage } from '../../src/host/appRoot';
import { tempFoldersPerTest } from '../support/tempFolders';

const temp = tempFoldersPerTest('marquee-approot-');

/** A temporary tree with `files` (path → JSON content) written under it. */
function tree(files: Readonly<Record<string, unknown>>): string {
  const dir = temp();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(content));
  }
  return dir;
}

describe('findAppPackage', () => {
  it('finds the package.json named marquee above a bundle, however deep', () => {
    const dir = tree({ 'app/package.json': { name: 'marquee', version: '3.1.4' } });
    mkdirSync(join(dir, 'app', 'dist', 'cli'), { recursive: true });
    expect(findAppPackage(join(dir, 'app', 'dist', 'cli'))).toEqual({
      root: join(dir, 'app'),
      version: '3.1.4',
    });
    expect(findAppPackage(join(dir, 'app'))).toEqual({ root: join(dir, 'app'), version: '3.1.4' });
  });

  it("walks past other packages' package.json (a dependency's, a broken one) to Marquee's", () => {
    const dir = tree({
      'package.json': { name: 'marquee', version: '1.0.0' },
      'node_modules/zod/package.json': { name: 'zod', version: '4.0.0' },
    });
    writeFileSync(join(dir, 'node_modules', 'package.json'), '{ not json');
    expect(findAppPackage(join(dir, 'node_modules', 'zod'))?.root).toBe(dir);
  });

  it('answers null when no folder above has it, and appRoot says what to do', () => {
    const dir = tree({ 'x/package.json': { name: 'other' } });
    expect(findAppPackage(join(dir, 'x'))).toBeNull();
    expect(() => appRoot(join(dir, 'x'))).toThrow(/package\.json was not found .*reinstall Marquee/);
  });

  it('is the repository root from the sources', () => {
    expect(appRoot()).toBe(join(import.meta.dirname, '..', '..'));
  });
});
