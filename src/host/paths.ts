import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folders Marquee keeps its files in on this machine. */
export type PlatformPaths = Readonly<{
  /** Settings written by people (config file). */
  config: string;
  /** Things the app writes and wants back after a restart (playback position, browser profile). */
  state: string;
  /** Log files. */
  logs: string;
  /** Things that can be thrown away (downloaded assets). */
  cache: string;
}>;

/** Where the platform wants the folders: XDG on Linux, ~/Library on macOS, %APPDATA%/%LOCALAPPDATA% on Windows. */
export function platformPaths(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): PlatformPaths {
  const nonEmpty = (value: string | undefined): string | undefined =>
    value === undefined || value === '' ? undefined : value;
  switch (platform) {
    case 'darwin': {
      const library = join(home, 'Library');
      return {
        config: join(library, 'Application Support', 'Marquee'),
        state: join(library, 'Application Support', 'Marquee', 'State'),
        logs: join(library, 'Logs', 'Marquee'),
        cache: join(library, 'Caches', 'Marquee'),
      };
    }
    case 'win32': {
      const roaming = nonEmpty(env.APPDATA) ?? join(home, 'AppData', 'Roaming');
      const local = nonEmpty(env.LOCALAPPDATA) ?? join(home, 'AppData', 'Local');
      return {
        config: join(roaming, 'Marquee'),
        state: join(local, 'Marquee', 'State'),
        logs: join(local, 'Marquee', 'Logs'),
        cache: join(local, 'Marquee', 'Cache'),
      };
    }
    default: {
      const state = join(nonEmpty(env.XDG_STATE_HOME) ?? join(home, '.local', 'state'), 'marquee');
      return {
        config: join(nonEmpty(env.XDG_CONFIG_HOME) ?? join(home, '.config'), 'marquee'),
        state,
        logs: join(state, 'logs'),
        cache: join(nonEmpty(env.XDG_CACHE_HOME) ?? join(home, '.cache'), 'marquee'),
      };
    }
  }
}
