import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_OPTION } from './configOptions';
import { type ConfigInputs, type ConfigResult, resolveConfig } from './resolveConfig';

/** What `loadConfig` needs besides the file it reads. */
export type LoadConfigOptions = Omit<ConfigInputs, 'file'> &
  Readonly<{
    /** `--config FILE` when given. */
    configFlag?: string | undefined;
    /** The platform config folder (`platformPaths().config`); `config.json` there is read when it exists. */
    configDir: string;
  }>;

/**
 * Finds and reads the config file (`--config`, else MARQUEE_CONFIG, else `<config dir>/config.json`,
 * which may be absent) and resolves the configuration from it, the environment and the flags.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<ConfigResult> {
  return loadConfigSync(options);
}

/**
 * `loadConfig` without a promise, for the Electron shell, which must know some settings (hardware
 * acceleration) before the app is ready.
 */
export function loadConfigSync(options: LoadConfigOptions): ConfigResult {
  const named = options.configFlag ?? nonEmpty(options.env[CONFIG_FILE_OPTION.env]);
  const path = named ?? join(options.configDir, 'config.json');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && named === undefined) return resolveConfig({ ...options, file: null });
    const given = options.configFlag !== undefined ? '--config' : CONFIG_FILE_OPTION.env;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(err)})`;
    return {
      ok: false,
      problems: [
        `${path}: the config file named by ${given} ${why}; create it or point ${given} at another file`,
      ],
    };
  }
  return resolveConfig({ ...options, file: { path, text } });
}

/** Where the bundled demo playlist is: in the app's resources when packaged, else in the source tree. */
export function bundledPlaylistPath(
  where: Readonly<{ isPackaged: boolean; resourcesPath: string; appRoot: string }>,
): string {
  return where.isPackaged
    ? join(where.resourcesPath, 'demo', 'playlist.json')
    : join(where.appRoot, 'assets', 'demo', 'playlist.json');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
