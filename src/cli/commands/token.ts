import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { appRoot } from '../../host/appRoot';
import { CONFIG_FILE_OPTION } from '../../host/config/configOptions';
import type { MarqueeConfig } from '../../host/config/configSchema';
import { bundledPlaylistPath, loadConfig } from '../../host/config/loadConfig';
import { remoteUrl } from '../../host/control/remoteUrl';
import { tokenBanner } from '../../host/control/startControl';
import {
  type ControlToken,
  readStoredToken,
  rotateControlToken,
  TOKEN_FILE,
} from '../../host/control/tokenStore';
import { platformPaths } from '../../host/paths';

/** Registers `marquee token show | rotate`: the LAN control token, shown on a terminal or replaced. */
export function registerToken(program: Command): void {
  const token = program
    .command('token')
    .description('Show the LAN control token with the web remote URL and its QR code, or replace it.');
  token
    .command('show')
    .description('Print the remote URL, its QR code and the token (on this terminal; never logged).')
    .option(CONFIG_FILE_OPTION.flag, 'config file (default: <config dir>/config.json)')
    .action(async (options: { config?: string }) => {
      process.exitCode = await show(options.config);
    });
  token
    .command('rotate')
    .description(
      'Write a new random token; a running Marquee switches to it at once and closes old remote sessions.',
    )
    .option(CONFIG_FILE_OPTION.flag, 'config file (default: <config dir>/config.json)')
    .action(async (options: { config?: string }) => {
      process.exitCode = await rotate(options.config);
    });
}

async function show(configFlag: string | undefined): Promise<number> {
  const config = await readConfig(configFlag);
  if (config === null) return 2;
  const configured = configuredToken(config);
  let token: ControlToken | null = configured;
  if (token === null) {
    const file = join(platformPaths().config, TOKEN_FILE);
    try {
      const stored = readStoredToken(file);
      for (const note of stored?.notes ?? []) process.stderr.write(`${note}\n`);
      token = stored === null ? null : { token: stored.token, source: 'file', file, notes: [] };
    } catch (err) {
      process.stderr.write(`marquee token show: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
  }
  if (token === null) {
    process.stdout.write(
      'No control token yet: Marquee makes one when the LAN API first starts (the controlListen setting), or run: marquee token rotate\n',
    );
    return 1;
  }
  if (config.controlListen === null) {
    process.stdout.write(
      `The LAN API is off (turn it on with the controlListen setting); its token: ${token.token}\n`,
    );
    return 0;
  }
  const url = remoteUrl(config.controlListen, token.token, networkInterfaces(), config.controlTls !== null);
  process.stdout.write(await tokenBanner(url, token, new URL(url).origin));
  return 0;
}

async function rotate(configFlag: string | undefined): Promise<number> {
  const config = await readConfig(configFlag);
  if (config === null) return 2;
  const configured = configuredToken(config);
  if (configured !== null) {
    process.stderr.write(
      `marquee token rotate: the token is set by ${configured.source === 'env' ? 'MARQUEE_CONTROL_TOKEN' : 'controlToken in the config'}, not stored by Marquee: change it there and restart Marquee\n`,
    );
    return 2;
  }
  let token: ControlToken;
  try {
    token = rotateControlToken(platformPaths().config);
  } catch (err) {
    process.stderr.write(`marquee token rotate: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  process.stdout.write(
    `New control token written to ${token.file} (mode 0600). A running Marquee switches to it at once: open remote sessions are closed and the old token is refused. Show the new QR code with: marquee token show\n`,
  );
  return 0;
}

function configuredToken(config: MarqueeConfig): ControlToken | null {
  const fromEnv = process.env.MARQUEE_CONTROL_TOKEN;
  if (fromEnv !== undefined && fromEnv !== '')
    return { token: fromEnv, source: 'env', file: null, notes: [] };
  if (config.controlToken !== null)
    return { token: config.controlToken, source: 'option', file: null, notes: [] };
  return null;
}

async function readConfig(configFlag: string | undefined): Promise<MarqueeConfig | null> {
  const resolved = await loadConfig({
    flags: {},
    configFlag,
    env: process.env,
    cwd: process.cwd(),
    bundledPlaylist: bundledPlaylistPath({ isPackaged: false, resourcesPath: '', appRoot: appRoot() }),
    configDir: platformPaths().config,
  });
  if (resolved.ok) return resolved.config;
  process.stderr.write(`${resolved.problems.join('\n')}\n`);
  return null;
}
