import type { ConfigFileValues } from './configSchema';
import { assertNever } from '../../core/assertNever';

/** A setting's name (a key of config.json). */
export type ConfigKey = Exclude<keyof ConfigFileValues, '$schema'>;

/** The fields of the `fleet` setting, each with its own flag and variable. */
export type FleetField = 'url' | 'username' | 'passwordFile' | 'ca';

/** A setting as flags and variables name it: a config key, or `fleet.<field>`. */
export type SettingId = ConfigKey | `fleet.${FleetField}`;

/** How a setting is written as text in a flag or an environment variable. */
export type TextKind = 'string' | 'boolean' | 'integer' | 'nullable-string' | 'list' | 'json';

/** One setting: its config key, command-line flag, environment variable, and what it means. */
export type ConfigOption = Readonly<{
  key: ConfigKey;
  /** For `fleet`: which of its fields this flag sets. */
  field?: FleetField;
  /** The flag as commander declares it (`--display <which>`, `--no-keyboard`). */
  flag: string;
  env: string;
  kind: TextKind;
  /** The default as a person reads it. */
  defaultText: string;
  description: string;
  /** Which commands read it: the kiosk shell, `marquee serve`, or both. */
  usedBy: 'kiosk' | 'serve' | 'both';
}>;

/** Every setting, in the order the docs list them. Flags > environment > config file > defaults. */
export const CONFIG_OPTIONS: readonly ConfigOption[] = [
  {
    key: 'playlist',
    flag: '--playlist <file>',
    env: 'MARQUEE_PLAYLIST',
    kind: 'string',
    defaultText: 'the bundled demo',
    description: 'Playlist file to play.',
    usedBy: 'both',
  },
  {
    key: 'display',
    flag: '--display <which>',
    env: 'MARQUEE_DISPLAY',
    kind: 'string',
    defaultText: 'primary',
    description: '"primary", "all", or a display number counted from the left (1-based).',
    usedBy: 'kiosk',
  },
  {
    key: 'displays',
    flag: '--displays <json>',
    env: 'MARQUEE_DISPLAYS',
    kind: 'json',
    defaultText: 'none',
    description:
      'Each display its own screen, as JSON: {"1":{"screen":"hall-a-schedule"},"2":{"screen":"hall-a-sponsors","groups":["sponsors"]}} (docs/fleet.md).',
    usedBy: 'kiosk',
  },
  {
    key: 'windowed',
    flag: '--windowed',
    env: 'MARQUEE_WINDOWED',
    kind: 'boolean',
    defaultText: 'false',
    description: 'An ordinary 1280×720 window instead of the fullscreen kiosk, for playlist authors.',
    usedBy: 'kiosk',
  },
  {
    key: 'hardwareAcceleration',
    flag: '--no-hardware-acceleration',
    env: 'MARQUEE_HARDWARE_ACCELERATION',
    kind: 'boolean',
    defaultText: 'true',
    description: 'GPU rendering; turn it off on machines whose graphics driver misbehaves.',
    usedBy: 'kiosk',
  },
  {
    key: 'exitChord',
    flag: '--exit-chord <keys>',
    env: 'MARQUEE_EXIT_CHORD',
    kind: 'string',
    defaultText: 'Control+Alt+Shift+Q',
    description: 'Keys that quit the kiosk (an Electron accelerator with at least two modifiers).',
    usedBy: 'kiosk',
  },
  {
    key: 'keyboard',
    flag: '--no-keyboard',
    env: 'MARQUEE_KEYBOARD',
    kind: 'boolean',
    defaultText: 'true',
    description: 'Whether keys on the kiosk (a presenter clicker) step through slides.',
    usedBy: 'both',
  },
  {
    key: 'screen',
    flag: '--screen <name>',
    env: 'MARQUEE_SCREEN',
    kind: 'string',
    defaultText: 'main',
    description: 'Name of this screen for remote control and logs.',
    usedBy: 'both',
  },
  {
    key: 'groups',
    flag: '--groups <names>',
    env: 'MARQUEE_GROUPS',
    kind: 'list',
    defaultText: 'none',
    description:
      'Fleet groups of this screen, comma-separated (e.g. hall-a,doors): group commands and slides `on` a group reach it.',
    usedBy: 'both',
  },
  {
    key: 'fleet',
    field: 'url',
    flag: '--fleet-url <url>',
    env: 'MARQUEE_FLEET_URL',
    kind: 'nullable-string',
    defaultText: 'off',
    description: 'Joins the venue fleet on this MQTT broker (mqtt://, mqtts://, ws://, wss://; "off": none).',
    usedBy: 'both',
  },
  {
    key: 'fleet',
    field: 'username',
    flag: '--fleet-username <name>',
    env: 'MARQUEE_FLEET_USERNAME',
    kind: 'string',
    defaultText: 'anonymous',
    description: 'Broker username of this screen; without it the screen connects anonymously.',
    usedBy: 'both',
  },
  {
    key: 'fleet',
    field: 'passwordFile',
    flag: '--fleet-password-file <file>',
    env: 'MARQUEE_FLEET_PASSWORD_FILE',
    kind: 'string',
    defaultText: 'none',
    description: 'File holding the broker password (a password is never given on the command line).',
    usedBy: 'both',
  },
  {
    key: 'fleet',
    field: 'ca',
    flag: '--fleet-ca <file>',
    env: 'MARQUEE_FLEET_CA',
    kind: 'string',
    defaultText: 'the system CAs',
    description: "CA certificate (PEM) the broker's TLS certificate must chain to (mqtts://, wss://).",
    usedBy: 'both',
  },
  {
    key: 'logLevel',
    flag: '--log-level <level>',
    env: 'MARQUEE_LOG_LEVEL',
    kind: 'string',
    defaultText: 'info',
    description: 'fatal, error, warn, info, debug, trace or silent.',
    usedBy: 'both',
  },
  {
    key: 'controlListen',
    flag: '--control-listen <host:port>',
    env: 'MARQUEE_CONTROL_LISTEN',
    kind: 'nullable-string',
    defaultText: 'off',
    description: 'Turns on the LAN control API and web remote on HOST:PORT ("off" turns it off).',
    usedBy: 'both',
  },
  {
    key: 'controlToken',
    flag: '--control-token <token>',
    env: 'MARQUEE_CONTROL_TOKEN',
    kind: 'nullable-string',
    defaultText: 'generated on first start',
    description: 'Bearer token of the LAN control API (at least 16 characters).',
    usedBy: 'both',
  },
  {
    key: 'controlSocket',
    flag: '--control-socket <path>',
    env: 'MARQUEE_CONTROL_SOCKET',
    kind: 'nullable-string',
    defaultText: '$XDG_RUNTIME_DIR/marquee/control.sock (per platform)',
    description: 'Path of the local control socket `marquee ctl` talks to.',
    usedBy: 'both',
  },
  {
    key: 'controlTlsCert',
    flag: '--control-tls-cert <file>',
    env: 'MARQUEE_CONTROL_TLS_CERT',
    kind: 'nullable-string',
    defaultText: 'off (plain HTTP)',
    description:
      "The venue's certificate (PEM, with its chain): the LAN API and web remote are served over HTTPS/WSS. Give --control-tls-key too.",
    usedBy: 'both',
  },
  {
    key: 'controlTlsKey',
    flag: '--control-tls-key <file>',
    env: 'MARQUEE_CONTROL_TLS_KEY',
    kind: 'nullable-string',
    defaultText: 'off',
    description: 'The private key (PEM) of --control-tls-cert.',
    usedBy: 'both',
  },
  {
    key: 'maxPlaylistMb',
    flag: '--max-playlist-mb <mb>',
    env: 'MARQUEE_MAX_PLAYLIST_MB',
    kind: 'integer',
    defaultText: '5',
    description:
      'Largest playlist file read, in megabytes; a bigger file is refused like any broken playlist (the last good one keeps playing).',
    usedBy: 'both',
  },
  {
    key: 'allowedAssetNetworks',
    flag: '--allowed-asset-networks <list>',
    env: 'MARQUEE_ALLOWED_ASSET_NETWORKS',
    kind: 'list',
    defaultText: 'none',
    description:
      "Internal addresses or ADDRESS/BITS networks the asset cache may fetch from (the venue's own asset server), comma-separated; every other loopback, private, link-local, CGNAT, unique-local or multicast address is refused.",
    usedBy: 'both',
  },
  {
    key: 'allowedHosts',
    flag: '--allowed-hosts <names>',
    env: 'MARQUEE_ALLOWED_HOSTS',
    kind: 'list',
    defaultText: 'none',
    description:
      'Extra names this machine is reached by (comma-separated; ".venue.lan" includes its subdomains); ' +
      'requests for any other Host get 421.',
    usedBy: 'both',
  },
  {
    key: 'wall',
    flag: '--wall <json>',
    env: 'MARQUEE_WALL',
    kind: 'json',
    defaultText: 'none',
    description:
      'This screen\'s place in a synchronized wall, as JSON: {"name":"lobby-wall","columns":3,"column":0,"bezel":{"x":12}} (docs/walls.md).',
    usedBy: 'both',
  },
  {
    key: 'host',
    flag: '--host <address>',
    env: 'MARQUEE_HOST',
    kind: 'string',
    defaultText: '127.0.0.1',
    description: 'Address `marquee serve` listens on.',
    usedBy: 'serve',
  },
  {
    key: 'port',
    flag: '--port <number>',
    env: 'MARQUEE_PORT',
    kind: 'integer',
    defaultText: '7770',
    description: 'Port `marquee serve` listens on.',
    usedBy: 'serve',
  },
  {
    key: 'maxRenderers',
    flag: '--max-renderers <number>',
    env: 'MARQUEE_MAX_RENDERERS',
    kind: 'integer',
    defaultText: '32',
    description: 'Most kiosk browsers `marquee serve` keeps connected at once; more are refused (503).',
    usedBy: 'serve',
  },
  {
    key: 'screenshotsPerMinute',
    flag: '--screenshots-per-minute <number>',
    env: 'MARQUEE_SCREENSHOTS_PER_MINUTE',
    kind: 'integer',
    defaultText: '60',
    description:
      'Screenshots (`GET /api/screenshot`) one LAN client may ask for a minute; more get 429 with Retry-After.',
    usedBy: 'both',
  },
];

/** The name a flag or variable sets: `screen`, or `fleet.url`. */
export function settingId(option: ConfigOption): SettingId {
  return option.field === undefined ? option.key : `fleet.${option.field}`;
}

/** The attribute commander stores a flag under: the key, or `fleetUrl` for `--fleet-url`. */
export function commanderName(option: ConfigOption): string {
  return option.field === undefined
    ? option.key
    : `${option.key}${option.field[0]?.toUpperCase()}${option.field.slice(1)}`;
}

/** The flag and environment variable that choose the config file itself. */
export const CONFIG_FILE_OPTION = { flag: '--config <file>', env: 'MARQUEE_CONFIG' } as const;

/** Reads a setting written as text (flag or environment) into the JSON value a config file would hold. */
export function textToValue(kind: TextKind, text: string): unknown {
  const trimmed = text.trim();
  switch (kind) {
    case 'string':
      return trimmed;
    case 'nullable-string':
      return ['', 'off', 'none', 'null'].includes(trimmed.toLowerCase()) ? null : trimmed;
    case 'boolean': {
      const lower = trimmed.toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(lower)) return true;
      if (['0', 'false', 'no', 'off'].includes(lower)) return false;
      return trimmed;
    }
    case 'integer':
      return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
    case 'list':
      return ['', 'none', 'off'].includes(trimmed.toLowerCase())
        ? []
        : trimmed
            .split(',')
            .map((item) => item.trim())
            .filter((item) => item !== '');
    case 'json':
      if (['', 'none', 'off', 'null'].includes(trimmed.toLowerCase())) return null;
      try {
        return JSON.parse(trimmed) as unknown;
      } catch {
        // Why: the schema then says what the value must be, naming the flag or variable.
        return trimmed;
      }
    default:
      return assertNever(kind);
  }
}
