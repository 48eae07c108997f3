import { dirname, resolve } from 'node:path';
import { closest } from 'fastest-levenshtein';
import {
  findNodeAtLocation,
  getNodeValue,
  type Node,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser';
import type { z } from 'zod';
import { CONFIG_OPTIONS, type ConfigKey, type SettingId, settingId, textToValue } from './configOptions';
import {
  ConfigFile,
  type ConfigFileValues,
  DEFAULTS,
  type FleetConfig,
  type FleetSettingsValues,
  type MarqueeConfig,
} from './configSchema';

/** A flag value as commander hands it over. */
export type FlagValue = string | boolean | number;

/** Everything the configuration is made from; the caller reads the file (see `loadConfig`). */
export type ConfigInputs = Readonly<{
  flags: Readonly<Partial<Record<SettingId, FlagValue>>>;
  env: Readonly<Record<string, string | undefined>>;
  file: Readonly<{ path: string; text: string }> | null;
  /** Relative playlist paths from flags and environment are relative to this. */
  cwd: string;
  /** The playlist to play when none is configured (the bundled demo). */
  bundledPlaylist: string;
}>;

/** Where a setting's value came from. */
export type ConfigOrigin = 'flag' | 'env' | 'file' | 'default';

/** The resolved configuration and where each value came from, or every problem found (each names its place and the fix). */
export type ConfigResult =
  | Readonly<{ ok: true; config: MarqueeConfig; origins: Readonly<Record<ConfigKey, ConfigOrigin>> }>
  | Readonly<{ ok: false; problems: readonly string[] }>;

type Layer = Partial<Omit<ConfigFileValues, '$schema'>>;

/**
 * Resolves the configuration with the precedence flags > environment (MARQUEE_*) > config file >
 * defaults. All three sources are checked completely, so one run reports every mistake.
 */
export function resolveConfig(inputs: ConfigInputs): ConfigResult {
  const problems: string[] = [];
  const fileLayer = inputs.file === null ? {} : readFileLayer(inputs.file, problems);
  const envLayer = readTextLayer('env', inputs.env, problems);
  const flagLayer = readTextLayer('flag', inputs.flags, problems);
  if (problems.length > 0) return { ok: false, problems };

  const origins = {} as Record<ConfigKey, ConfigOrigin>;
  const pick = <K extends ConfigKey>(key: K): Layer[K] | undefined => {
    for (const [origin, layer] of [
      ['flag', flagLayer],
      ['env', envLayer],
      ['file', fileLayer],
    ] as const) {
      if (layer[key] !== undefined) {
        origins[key] = origin;
        return layer[key];
      }
    }
    origins[key] = 'default';
    return undefined;
  };

  const fleet = resolveFleet([flagLayer, envLayer, fileLayer], inputs, problems);
  if (problems.length > 0) return { ok: false, problems };
  origins.fleet = fleet.origin;

  // Why: a path in the config file is relative to that file; on the command line, to the working folder.
  const pathOf = (key: 'controlTlsCert' | 'controlTlsKey'): string | null | undefined => {
    const text = pick(key);
    if (typeof text !== 'string') return text;
    return resolve(origins[key] === 'file' && inputs.file ? dirname(inputs.file.path) : inputs.cwd, text);
  };
  const playlistText = pick('playlist');
  const playlistBase = origins.playlist === 'file' && inputs.file ? dirname(inputs.file.path) : inputs.cwd;
  const config: MarqueeConfig = {
    playlist: playlistText === undefined ? inputs.bundledPlaylist : resolve(playlistBase, playlistText),
    display: pick('display') ?? DEFAULTS.display,
    displays: displaysWithPaths(pick('displays'), origins, inputs),
    windowed: pick('windowed') ?? DEFAULTS.windowed,
    hardwareAcceleration: pick('hardwareAcceleration') ?? DEFAULTS.hardwareAcceleration,
    exitChord: pick('exitChord') ?? DEFAULTS.exitChord,
    keyboard: pick('keyboard') ?? DEFAULTS.keyboard,
    screen: pick('screen') ?? DEFAULTS.screen,
    logLevel: pick('logLevel') ?? DEFAULTS.logLevel,
    controlListen: pick('controlListen') ?? DEFAULTS.controlListen,
    controlToken: pick('controlToken') ?? DEFAULTS.controlToken,
    controlSocket: pick('controlSocket') ?? DEFAULTS.controlSocket,
    controlTls: tlsPair(pathOf('controlTlsCert'), pathOf('controlTlsKey'), problems),
    maxPlaylistMb: pick('maxPlaylistMb') ?? DEFAULTS.maxPlaylistMb,
    groups: pick('groups') ?? DEFAULTS.groups,
    fleet: fleet.config,
    allowedAssetNetworks: pick('allowedAssetNetworks') ?? DEFAULTS.allowedAssetNetworks,
    allowedHosts: pick('allowedHosts') ?? DEFAULTS.allowedHosts,
    wall: pick('wall') ?? DEFAULTS.wall,
    host: pick('host') ?? DEFAULTS.host,
    port: pick('port') ?? DEFAULTS.port,
    maxRenderers: pick('maxRenderers') ?? DEFAULTS.maxRenderers,
    screenshotsPerMinute: pick('screenshotsPerMinute') ?? DEFAULTS.screenshotsPerMinute,
    configFile: inputs.file?.path ?? null,
  };
  for (const [display, entry] of Object.entries(config.displays)) {
    if (entry.screen === config.screen) {
      problems.push(
        `displays."${display}".screen: "${entry.screen}" is already this machine's screen (the "screen" setting), which displays without an entry play; give display ${display} its own name, or remove the entry`,
      );
    }
    if (config.fleet?.username != null && entry.passwordFile === undefined) {
      problems.push(
        `displays."${display}".passwordFile: the fleet logs in with a username, and screen "${entry.screen}" logs in as itself (a screen may publish only under its own name); give it its own broker password file`,
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config, origins };
}

/** The `displays` setting with each `passwordFile` made absolute (relative to the config file when it came from there). */
function displaysWithPaths(
  displays: MarqueeConfig['displays'] | undefined,
  origins: Readonly<Partial<Record<string, ConfigOrigin>>>,
  inputs: ConfigInputs,
): MarqueeConfig['displays'] {
  if (displays === undefined) return DEFAULTS.displays;
  const base = origins.displays === 'file' && inputs.file ? dirname(inputs.file.path) : inputs.cwd;
  return Object.fromEntries(
    Object.entries(displays).map(([n, entry]) => [
      n,
      entry.passwordFile === undefined
        ? entry
        : { ...entry, passwordFile: resolve(base, entry.passwordFile) },
    ]),
  );
}

/**
 * Merges the `fleet` fields of the layers (flag > environment > file, field by field); paths from the
 * file are relative to it. No URL anywhere (or `"url": null`, `--fleet-url off`): not in a fleet.
 */
function resolveFleet(
  layers: readonly [Layer, Layer, Layer],
  inputs: ConfigInputs,
  problems: string[],
): Readonly<{ config: FleetConfig | null; origin: ConfigOrigin }> {
  const names = ['flag', 'env', 'file'] as const;
  let origin: ConfigOrigin = 'default';
  const field = <F extends keyof FleetSettingsValues>(name: F) => {
    for (const [i, layer] of layers.entries()) {
      const value = layer.fleet?.[name];
      if (value !== undefined) {
        if (origin === 'default') origin = names[i] ?? 'default';
        return { value, from: names[i] };
      }
    }
    return { value: undefined, from: undefined };
  };
  const url = field('url');
  const path = (f: { value: string | null | undefined; from: string | undefined }): string | null => {
    if (f.value === undefined || f.value === null) return null;
    const base = f.from === 'file' && inputs.file ? dirname(inputs.file.path) : inputs.cwd;
    return resolve(base, f.value);
  };
  const username = field('username').value ?? null;
  const passwordFile = path(field('passwordFile'));
  const ca = path(field('ca'));
  if (url.value === undefined || url.value === null) {
    if (url.value === undefined && (username !== null || passwordFile !== null || ca !== null)) {
      problems.push(
        'fleet: a username, password file or CA is set but no broker URL; add "fleet": { "url": "mqtt://…" } (or --fleet-url / MARQUEE_FLEET_URL)',
      );
    }
    return { config: null, origin };
  }
  if (passwordFile !== null && username === null) {
    problems.push('fleet: a password file is set but no username; add fleet.username (or --fleet-username)');
  }
  return { config: { url: url.value, username, passwordFile, ca }, origin };
}

/** The LAN API's certificate and key, which go together; a lone one is a problem. */
function tlsPair(
  cert: string | null | undefined,
  key: string | null | undefined,
  problems: string[],
): MarqueeConfig['controlTls'] {
  if (cert && key) return { cert, key };
  if (cert || key) {
    problems.push(
      `controlTlsCert and controlTlsKey go together: give both (the venue's certificate and its private key, PEM files) or neither`,
    );
  }
  return null;
}

/** Validates flags or environment variables (text, or commander's booleans) as one layer. */
function readTextLayer(
  source: 'flag' | 'env',
  values: Readonly<Record<string, FlagValue | undefined>>,
  problems: string[],
): Layer {
  const raw: Record<string, unknown> = {};
  const shown: Record<string, string> = {};
  for (const option of CONFIG_OPTIONS) {
    const id = settingId(option);
    const name = source === 'env' ? option.env : id;
    const value = values[name];
    if (value === undefined) continue;
    const read = typeof value === 'string' ? textToValue(option.kind, value) : value;
    if (option.field === undefined) raw[option.key] = read;
    else raw[option.key] = { ...(raw[option.key] as object | undefined), [option.field]: read };
    shown[id] =
      source === 'env'
        ? `${option.env}=${JSON.stringify(value)}`
        : `${option.flag.split(' ')[0]?.replace(/^--no-/, '--') ?? option.key} ${String(value)}`;
  }
  const parsed = ConfigFile.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const key =
      issue.path.slice(0, 2).join('.') in shown
        ? issue.path.slice(0, 2).join('.')
        : String(issue.path[0] ?? '');
    const fix = source === 'env' ? 'fix or unset the variable' : 'fix the flag';
    problems.push(`${shown[key] ?? key}: ${issueText(issue)}; ${fix}`);
  }
  return {};
}

/** Parses and validates config.json (comments and trailing commas allowed), locating problems as FILE:LINE:COL. */
function readFileLayer(file: Readonly<{ path: string; text: string }>, problems: string[]): Layer {
  if (file.text.trim() === '') {
    problems.push(`${at(file, 0)}  the file is empty; write a JSON object, e.g. { "display": "all" }`);
    return {};
  }
  const errors: ParseError[] = [];
  const tree = parseTree(file.text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) {
    problems.push(`${at(file, e.offset)}  ${syntaxText(printParseErrorCode(e.error))}; fix the JSON`);
  }
  if (errors.length > 0 || tree === undefined) return {};
  const parsed = ConfigFile.safeParse(getNodeValue(tree));
  if (parsed.success) return parsed.data;
  const found: Array<readonly [number, string]> = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const node = findNodeAtLocation(tree, [...issue.path.map(String), key])?.parent;
        const known = CONFIG_OPTIONS.map((o) => o.key);
        const offset = node?.offset ?? tree.offset;
        found.push([
          offset,
          `${at(file, offset)}  "${key}" is not a setting; did you mean "${closest(key, known)}"? (settings: ${known.join(', ')})`,
        ]);
      }
      continue;
    }
    const node: Node | undefined = findNodeAtLocation(
      tree,
      issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    );
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    const offset = node?.offset ?? tree.offset;
    found.push([
      offset,
      `${at(file, offset)}  ${where}  ${issueText(issue)}; fix the value or remove the key`,
    ]);
  }
  problems.push(...found.sort((a, b) => a[0] - b[0]).map(([, text]) => text));
  return {};
}

/** `FILE:LINE:COL` (1-based) of an offset in the file. */
function at(file: Readonly<{ path: string; text: string }>, offset: number): string {
  const before = file.text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `${file.path}:${line}:${column}`;
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type')
    return `must be ${issue.expected === 'object' ? 'a JSON object' : `a ${issue.expected}`}`;
  return issue.message;
}

function syntaxText(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
