import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

type Target = string | Readonly<{ target: string }>;
type BuilderConfig = Readonly<{
  appId?: string;
  productName?: string;
  asar?: boolean;
  afterPack?: string;
  files?: unknown;
  extraResources?: ReadonlyArray<Readonly<{ from: string; to: string }>>;
  extraMetadata?: Readonly<{ main?: string }>;
  linux?: Readonly<{
    target?: readonly Target[];
    category?: string;
    desktop?: Readonly<{ entry?: Record<string, string> }>;
  }>;
  win?: Readonly<{ target?: readonly Target[] }>;
  mac?: Readonly<{ target?: readonly Target[] }>;
  nsis?: Readonly<{ artifactName?: string }>;
  portable?: Readonly<{ artifactName?: string }>;
}>;

/** electron-builder's own loader and schema check (app-builder-lib ships with electron-builder). */
const builder = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const hook = require(join(root, 'scripts', 'afterPack.cjs')) as {
  FUSES: Record<string, boolean>;
  executablePath(context: unknown): string;
};

const targets = (list: readonly Target[] | undefined) =>
  (list ?? []).map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema check', async () => {
    const config = await builder.getConfig(root, join(root, 'electron-builder.yml'), null);
    await expect(builder.validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds AppImage and deb, an NSIS installer and a portable exe with different names, and a dmg', async () => {
    const config = await builder.getConfig(root, join(root, 'electron-builder.yml'), null);
    expect(config).toMatchObject({ appId: expect.stringMatching(/\./), productName: 'Marquee', asar: true });
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBeTruthy();
    expect(config.linux?.desktop?.entry?.Name).toBe('Marquee');
    expect(targets(config.win?.target)).toEqual(['nsis', 'portable']);
    expect(config.nsis?.artifactName).not.toBe(config.portable?.artifactName);
    expect(targets(config.mac?.target)).toEqual(['dmg']);
  });

  it('ships the built app, the demo as a resource, and flips the fuses after packing', async () => {
    const config = await builder.getConfig(root, join(root, 'electron-builder.yml'), null);
    // Why: getConfig normalises `files` into [{ filter: [...] }].
    expect(JSON.stringify(config.files)).toContain('"dist/**"');
    expect(JSON.stringify(config.files)).toContain('"!node_modules/**"');
    expect(config.extraResources).toContainEqual({ from: 'assets/demo', to: 'demo' });
    expect(config.extraMetadata?.main).toBe('dist/electron/main.cjs');
    expect(config.afterPack).toBe('scripts/afterPack.cjs');
    const built = readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8');
    expect(built).toContain('dist/electron/main.cjs');
  });
});

describe('the afterPack fuses', () => {
  it('turns off every way to run foreign code and turns on asar integrity and cookie encryption', () => {
    expect(hook.FUSES).toMatchObject({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    });
  });

  it('names only fuses that @electron/fuses knows', () => {
    const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> };
    for (const name of Object.keys(hook.FUSES)) expect(FuseV1Options[name], name).toBeTypeOf('number');
  });

  it('finds the packed executable on each platform', () => {
    const packager = { appInfo: { productFilename: 'Marquee' }, executableName: 'marquee' };
    const at = (electronPlatformName: string) =>
      hook.executablePath({ appOutDir: '/out/x', electronPlatformName, packager });
    expect(at('linux')).toBe('/out/x/marquee');
    expect(at('win32')).toBe('/out/x/Marquee.exe');
    expect(at('darwin')).toBe('/out/x/Marquee.app');
  });
});

/** The `key=value` lines of an INI-style file (systemd unit, desktop entry), by section. */
function iniSections(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current = new Map<string, string>();
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header?.[1]) {
      current = new Map();
      sections.set(header[1], current);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) current.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return sections;
}

describe('Linux kiosk start-up files', () => {
  it('runs as a systemd user service that starts with the graphical session and always restarts', () => {
    const unit = iniSections(readFileSync(join(root, 'packaging', 'marquee.service'), 'utf8'));
    expect(unit.get('Unit')?.get('After')).toBe('graphical-session.target');
    expect(unit.get('Unit')?.get('StartLimitIntervalSec')).toBe('0');
    expect(unit.get('Service')?.get('Restart')).toBe('always');
    expect(unit.get('Service')?.get('ExecStart')).toMatch(/Marquee\.AppImage$/);
    expect(unit.get('Install')?.get('WantedBy')).toBe('graphical-session.target');
  });

  it('has an autostart entry for desktop sessions', () => {
    const entry = iniSections(readFileSync(join(root, 'packaging', 'marquee-autostart.desktop'), 'utf8'));
    const desktop = entry.get('Desktop Entry');
    expect(desktop?.get('Type')).toBe('Application');
    expect(desktop?.get('X-GNOME-Autostart-enabled')).toBe('true');
    expect(desktop?.get('Exec')).toContain('Marquee.AppImage');
  });
});
