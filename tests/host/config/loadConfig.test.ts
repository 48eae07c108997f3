import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledPlaylistPath, loadConfig } from '../../../src/host/config/loadConfig';

let dir: string;
let configDir: string;
const bundledPlaylist = '/demo/playlist.json';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-config-'));
  configDir = join(dir, 'config', 'marquee');
  await mkdir(configDir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('runs on defaults when the config folder has no config.json', async () => {
    const result = await loadConfig({ flags: {}, env: {}, cwd: dir, bundledPlaylist, configDir });
    expect(result).toMatchObject({ ok: true, config: { configFile: null, playlist: bundledPlaylist } });
  });

  it('reads config.json from the config folder', async () => {
    await writeFile(join(configDir, 'config.json'), '{"display": "all", "playlist": "show.json"}');
    const result = await loadConfig({ flags: {}, env: {}, cwd: dir, bundledPlaylist, configDir });
    expect(result).toMatchObject({
      ok: true,
      config: {
        display: { kind: 'all' },
        playlist: join(configDir, 'show.json'),
        configFile: join(configDir, 'config.json'),
      },
    });
  });

  it('reads the file named by MARQUEE_CONFIG, and prefers --config over it', async () => {
    await writeFile(join(dir, 'a.json'), '{"screen": "from-env"}');
    await writeFile(join(dir, 'b.json'), '{"screen": "from-flag"}');
    const env = { MARQUEE_CONFIG: join(dir, 'a.json') };
    const viaEnv = await loadConfig({ flags: {}, env, cwd: dir, bundledPlaylist, configDir });
    expect(viaEnv.ok && viaEnv.config.screen).toBe('from-env');
    const viaFlag = await loadConfig({
      flags: {},
      env,
      cwd: dir,
      bundledPlaylist,
      configDir,
      configFlag: join(dir, 'b.json'),
    });
    expect(viaFlag.ok && viaFlag.config.screen).toBe('from-flag');
  });

  it('says so when a named config file does not exist', async () => {
    const missing = join(dir, 'nope.json');
    const result = await loadConfig({
      flags: {},
      env: {},
      cwd: dir,
      bundledPlaylist,
      configDir,
      configFlag: missing,
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        `${missing}: the config file named by --config does not exist; create it or point --config at another file`,
      ],
    });
  });

  it('reports a broken config.json with its real path and line', async () => {
    await writeFile(join(configDir, 'config.json'), '{\n  "port": "eighty"\n}\n');
    const result = await loadConfig({ flags: {}, env: {}, cwd: dir, bundledPlaylist, configDir });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toBe(
      `${join(configDir, 'config.json')}:2:11  port  must be a number; fix the value or remove the key`,
    );
  });
});

describe('bundledPlaylistPath', () => {
  it('uses the demo in the app resources when packaged and the source tree otherwise', () => {
    expect(
      bundledPlaylistPath({ isPackaged: true, resourcesPath: '/opt/Marquee/resources', appRoot: '/x' }),
    ).toBe('/opt/Marquee/resources/demo/playlist.json');
    expect(bundledPlaylistPath({ isPackaged: false, resourcesPath: '/r', appRoot: '/work/main' })).toBe(
      '/work/main/assets/demo/playlist.json',
    );
  });
});
