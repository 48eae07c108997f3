import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary, locateElectron } from '../../../scripts/electron/locate.mjs';

let dir: string;
let pkg: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-electron-'));
  pkg = join(dir, 'node_modules', 'electron');
  await mkdir(join(pkg, 'dist'), { recursive: true });
  await writeFile(join(pkg, 'package.json'), '{"name":"electron","version":"45.5.0"}');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Lays out what Electron's installer leaves: dist/<binary>, dist/version and path.txt. */
async function installed(version: string): Promise<void> {
  await writeFile(join(pkg, 'path.txt'), 'electron');
  await writeFile(join(pkg, 'dist', 'electron'), '');
  await writeFile(join(pkg, 'dist', 'version'), version);
}

describe('locateElectron', () => {
  it('finds the binary named by path.txt in the package dist folder', async () => {
    await installed('45.5.0');
    expect(locateElectron(dir, {})).toEqual({ ok: true, path: join(pkg, 'dist', 'electron') });
  });

  it('says the binary was never downloaded when path.txt is missing, which the installer can fix', () => {
    expect(locateElectron(dir, {})).toEqual({
      ok: false,
      reason: expect.stringContaining('never downloaded'),
      fetchable: true,
    });
  });

  it('wants a new download when the binary is of another version than the package (the installer’s own check)', async () => {
    await installed('v44.0.0');
    expect(locateElectron(dir, {})).toEqual({
      ok: false,
      reason: 'the downloaded binary is Electron 44.0.0 but the electron package is 45.5.0',
      fetchable: true,
    });
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH when set, and does not offer a download when it points nowhere', async () => {
    await writeFile(join(dir, 'electron'), '');
    expect(locateElectron(dir, { ELECTRON_OVERRIDE_DIST_PATH: dir })).toEqual({
      ok: true,
      path: join(dir, 'electron'),
    });
    expect(locateElectron(dir, { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'nope') })).toEqual({
      ok: false,
      reason: expect.stringContaining('ELECTRON_OVERRIDE_DIST_PATH'),
      fetchable: false,
    });
  });

  it('says when the electron package is not installed at all', () => {
    expect(
      findElectronBinary({ env: {}, packageDir: null, exists: () => true, readText: () => null }),
    ).toEqual({
      ok: false,
      reason: 'the electron npm package is not installed',
      fetchable: false,
    });
  });
});
