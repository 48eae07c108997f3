// `npx electron-builder --linux dir` for real, offline: Electron is a stand-in release served from a loopback
// mirror (carrying Electron's fuse wire), the packed app is opened with @electron/asar and its fuses are read back
// with @electron/fuses. One build is shared by the assertions on it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Mirror, startMirror } from '../support/electronMirror';
import { ELECTRON_VERSION, standInRelease } from '../support/standInElectron';
import { ensureElectronBuilt } from './support/electronBuild';
import { type BuildRun, electronBuilder } from './support/electronBuilder';
import { scratchSpace } from './support/scratch';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage(archive: string, options: Readonly<{ isPack: boolean }>): string[];
  extractFile(archive: string, file: string): Buffer;
};
const fuses = require('@electron/fuses') as {
  getCurrentFuseWire(executable: string): Promise<Record<string, unknown>>;
  FuseV1Options: Record<string, number>;
};

const ZIP = `/${ELECTRON_VERSION}/electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;
const ON = 0x31;
const OFF = 0x30;

/** The fuses docs/kiosk.md promises, as name → on, read from its "Fuses" bullet. */
function promisedFuses(): Map<string, boolean> {
  const docs = readFileSync(join(root, 'docs', 'kiosk.md'), 'utf8');
  const bullet = /^- \*\*Fuses\*\* \(packaged builds\):([\s\S]*?)(?=^- |^#)/m.exec(docs)?.[1] ?? '';
  return new Map([...bullet.matchAll(/`(\w+)` (on|off)/g)].map((m) => [m[1] ?? '', m[2] === 'on']));
}

const scratch = scratchSpace();
const temp = scratch.temp;

beforeAll(() => ensureElectronBuilt());
afterAll(() => scratch.clear());

describe('npx electron-builder --linux dir with Electron from a mirror', () => {
  let out: string;
  let cache: string;
  let mirror: Mirror;
  let build: BuildRun;
  let unpacked: string;
  let archive: string;

  let release: ReadonlyMap<string, Buffer>;

  beforeAll(async () => {
    out = temp('marquee-package-');
    cache = join(out, 'cache');
    release = await standInRelease(true);
    mirror = await startMirror(release);
    scratch.mirror(mirror);
    build = await electronBuilder(['--linux', 'dir', `--config.directories.output=${join(out, 'dist')}`], {
      cache,
      electronMirror: mirror.url,
      toolsMirror: mirror.url,
    });
    unpacked = join(out, 'dist', 'linux-unpacked');
    archive = join(unpacked, 'resources', 'app.asar');
  }, 150_000);

  it('builds from the mirror alone, with no tool downloaded', () => {
    expect(build.code, build.output).toBe(0);
    expect(mirror.requests).toEqual([ZIP, `/${ELECTRON_VERSION}/SHASUMS256.txt`]);
  });

  it('packs the main and preload bundles, the renderer and remote builds and package.json into app.asar, nothing else', () => {
    const files = asar.listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    expect(files).toEqual(
      expect.arrayContaining([
        '/dist/electron/main.cjs',
        '/dist/electron/preload.cjs',
        '/dist/renderer/index.html',
        '/dist/remote/index.html',
        '/package.json',
      ]),
    );
    expect(files.some((f) => /^\/dist\/renderer\/assets\/index-.*\.js$/.test(f))).toBe(true);
    expect(files.some((f) => /^\/dist\/remote\/assets\/.*\.js$/.test(f))).toBe(true);
    expect(files.filter((f) => /node_modules|\.map$|^\/dist\/cli|^\/(src|tests|electron)\//.test(f))).toEqual(
      [],
    );
    const packed = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as {
      main?: string;
    };
    expect(packed.main).toBe('dist/electron/main.cjs');
    expect(
      asar
        .extractFile(archive, 'dist/electron/main.cjs')
        .equals(readFileSync(join(root, 'dist', 'electron', 'main.cjs'))),
    ).toBe(true);
  });

  it('puts the demo in resources/', () => {
    const demo = join(unpacked, 'resources', 'demo');
    expect(readFileSync(join(demo, 'playlist.json'), 'utf8')).toBe(
      readFileSync(join(root, 'assets', 'demo', 'playlist.json'), 'utf8'),
    );
    expect(existsSync(join(demo, 'logo.svg'))).toBe(true);
  });

  it('flips every fuse as docs/kiosk.md promises', async () => {
    const promised = promisedFuses();
    expect([...promised.keys()].sort()).toEqual(
      Object.keys(require(join(root, 'scripts', 'afterPack.cjs')).FUSES as object).sort(),
    );
    const wire = await fuses.getCurrentFuseWire(join(unpacked, 'marquee'));
    for (const [name, on] of promised)
      expect({ name, state: wire[String(fuses.FuseV1Options[name])] }).toEqual({
        name,
        state: on ? ON : OFF,
      });
  });

  // Why prepackaged: the deb and AppImage are made from the app just packed; electron-builder checks the
  // configuration for them, then asks for its tools, here a loopback URL that has none.
  it.each([
    ['deb', '/fpm@2.1.4/fpm-1.17.0-ruby-3.4.3-linux-amd64.7z'],
    ['AppImage', '/appimage-12.0.1/appimage-12.0.1.7z'],
  ])(
    '%s passes electron-builder’s checks, then needs %s from electron-builder-binaries',
    async (target, tool) => {
      const tools = await startMirror(new Map());
      scratch.mirror(tools);
      const run = await electronBuilder(
        ['--linux', target, '--prepackaged', unpacked, `--config.directories.output=${join(out, target)}`],
        { cache, electronMirror: mirror.url, toolsMirror: tools.url, stopAtError: true },
      );
      expect(run.output).toContain(`Response code 404 (Not Found) for ${tools.url}${tool.slice(1)}`);
      expect(tools.requests).toEqual([tool]);
    },
    60_000,
  );

  // Why last: it closes the mirror.
  it('builds again without the mirror once SHASUMS256.txt-<version> is next to the cached zip', async () => {
    const sums = release.get(`/${ELECTRON_VERSION}/SHASUMS256.txt`);
    if (sums === undefined) throw new Error('the stand-in release has no SHASUMS256.txt');
    writeFileSync(join(cache, 'electron', `SHASUMS256.txt-${ELECTRON_VERSION}`), sums);
    await mirror.close();
    const again = await electronBuilder(
      ['--linux', 'dir', `--config.directories.output=${join(out, 'again')}`],
      {
        cache,
        electronMirror: mirror.url,
        toolsMirror: mirror.url,
      },
    );
    expect(again.code, again.output).toBe(0);
    expect(existsSync(join(out, 'again', 'linux-unpacked', 'resources', 'app.asar'))).toBe(true);
  }, 150_000);
});

describe('electron-builder with an executable that has no fuse wire', () => {
  it('fails the build loudly and leaves no unflipped app behind', async () => {
    const out = temp('marquee-package-nowire-');
    const mirror = scratch.mirror(await startMirror(await standInRelease(false)));
    const run = await electronBuilder(
      ['--linux', 'dir', `--config.directories.output=${join(out, 'dist')}`],
      {
        cache: join(out, 'cache'),
        electronMirror: mirror.url,
        toolsMirror: mirror.url,
      },
    );
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(
      /scripts\/afterPack\.cjs: could not flip the security fuses of .*linux-unpacked\/marquee \(Could not find sentinel/,
    );
    expect(run.output).toContain('rather than ship it');
    expect(existsSync(join(out, 'dist', 'linux-unpacked'))).toBe(false);
  }, 150_000);
});
