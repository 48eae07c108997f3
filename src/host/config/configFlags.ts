import { Command } from 'commander';
import {
  CONFIG_FILE_OPTION,
  CONFIG_OPTIONS,
  commanderName,
  type SettingId,
  settingId,
} from './configOptions';
import type { FlagValue } from './resolveConfig';

/** The flags a person typed (only those; commander's defaults are left to `resolveConfig`), and `--config`. */
export type TypedFlags = Readonly<{
  flags: Readonly<Partial<Record<SettingId, FlagValue>>>;
  configFlag: string | undefined;
}>;

/** Declares `--config` and the setting flags used by `which` commands on a commander command. */
export function addConfigFlags(command: Command, which: 'kiosk' | 'serve'): Command {
  command.option(
    CONFIG_FILE_OPTION.flag,
    `config file (default: <config dir>/config.json; env ${CONFIG_FILE_OPTION.env})`,
  );
  for (const option of CONFIG_OPTIONS) {
    if (option.usedBy !== 'both' && option.usedBy !== which) continue;
    command.option(option.flag, `${option.description} (env ${option.env}; default ${option.defaultText})`);
  }
  return command;
}

/** Reads back the setting flags that were given on the command line (never commander's implied defaults). */
export function typedFlags(command: Command): TypedFlags {
  const values = command.opts<Record<string, unknown>>();
  const flags: Partial<Record<SettingId, FlagValue>> = {};
  for (const option of CONFIG_OPTIONS) {
    const name = commanderName(option);
    const value = values[name];
    const fromCli = command.getOptionValueSource(name) === 'cli';
    if (fromCli && (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')) {
      flags[settingId(option)] = value;
    }
  }
  const config = values.config;
  return { flags, configFlag: typeof config === 'string' ? config : undefined };
}

/**
 * Parses the kiosk shell's own arguments out of an Electron argv (which also carries the executable,
 * the app path and Chromium switches; those are ignored). Throws with commander's message on a bad flag.
 */
export function parseKioskArgs(args: readonly string[]): TypedFlags {
  const command = addConfigFlags(new Command('marquee-kiosk'), 'kiosk')
    .allowUnknownOption()
    .allowExcessArguments()
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  command.parse([...args], { from: 'user' });
  return typedFlags(command);
}
