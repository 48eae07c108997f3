import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary, locateElectron } from '../../../src/host/kiosk/electronBinary';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-electron-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('findElectronBinary', () => {
  it('finds the binary named by path.txt in the package dist folder', async () => {
    const pkg = join(dir, 'node_modules', 'electron');
    await mkdir(join(pkg, 'dist'), { recursive: true });
    await writeFile(join(pkg, 'package.json'), '{"name":"electron","version":"45.0.0"}');
    await writeFile(join(pkg, 'path.txt'), 'electron');
    await writeFile(join(pkg, 'dist', 'electron'), '');
    expect(locateElectron(dir, {})).toEqual({ ok: true, path: join(pkg, 'dist', 'electron') });
  });

  it('says the binary was never downloaded when path.txt is missing', async () => {
    const pkg = join(dir, 'node_modules', 'electron');
    await mkdir(pkg, { recursive: true });
    await writeFile(join(pkg, 'package.json'), '{"name":"electron"}');
    const found = locateElectron(dir, {});
    expect(found).toEqual({ ok: false, reason: expect.stringContaining('never downloaded') });
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH when set, and says when it points nowhere', async () => {
    const pkg = join(dir, 'node_modules', 'electron');
    await mkdir(pkg, { recursive: true });
    await writeFile(join(pkg, 'package.json'), '{"name":"electron"}');
    await writeFile(join(dir, 'electron'), '');
    expect(locateElectron(dir, { ELECTRON_OVERRIDE_DIST_PATH: dir })).toEqual({
      ok: true,
      path: join(dir, 'electron'),
    });
    const missing = locateElectron(dir, { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'nope') });
    expect(missing).toEqual({ ok: false, reason: expect.stringContaining('ELECTRON_OVERRIDE_DIST_PATH') });
  });

  it('says when the electron package is not installed at all', () => {
    expect(
      findElectronBinary({ env: {}, packageDir: null, exists: () => true, readText: () => null }),
    ).toEqual({ ok: false, reason: 'the electron npm package is not installed' });
  });
});
