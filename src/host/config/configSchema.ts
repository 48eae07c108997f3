import { z } from 'zod';
import { FleetName } from '../../core/channels/fleetTopics';
import { type AllowedNetworks, parseAllowedNetworks } from '../cache/addressPolicy';
import { LOG_LEVELS } from '../log/hostLogger';
import { parseDisplaySelection } from '../kiosk/displayPlan';
import { DisplaysSetting } from '../kiosk/displayScreens';
import { DEFAULT_EXIT_CHORD, parseExitChord } from '../kiosk/exitChord';
import { parseConfiguredHost } from '../http/hostAllowList';
import { DEFAULT_MAX_RENDERERS } from '../http/rendererSocket';
import { WallSetting } from '../wall/wallSetting';

/** A `HOST:PORT` address for the LAN control API (IPv6 hosts in brackets: `[::1]:7771`). */
export const ListenAddress = z.string().transform((text, ctx) => {
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(text.trim());
  const port = Number(m?.[2]);
  if (!m?.[1] || !Number.isInteger(port) || port < 1 || port > 65535) {
    ctx.addIssue({ code: 'custom', message: `must be HOST:PORT, e.g. 0.0.0.0:7771 (got "${text}")` });
    return z.NEVER;
  }
  return { host: m[1].replace(/^\[|\]$/g, ''), port } as const;
});

/** One `allowedHosts` entry: a name or address without port ("kiosk.venue.lan", "192.168.1.20"); ".venue.lan" also its subdomains. */
const AllowedHost = z.string().transform((text, ctx) => {
  const entry = text.trim().toLowerCase();
  const parsed = parseConfiguredHost(entry.startsWith('.') ? entry.slice(1) : entry);
  if (parsed === null || parsed.port !== null || entry.includes('*')) {
    ctx.addIssue({
      code: 'custom',
      message: `must be a host name or address without port, e.g. "kiosk.venue.lan" or ".venue.lan" (got "${text}")`,
    });
    return z.NEVER;
  }
  return entry;
});

/** A display selection: "primary", "all", or a display number counted from the left (1-based). */
const DisplayField = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const selection = parseDisplaySelection(String(value));
  if (selection === null) {
    ctx.addIssue({
      code: 'custom',
      message: `must be "primary", "all" or a display number from 1 (got ${JSON.stringify(value)})`,
    });
    return z.NEVER;
  }
  return selection;
});

/** An exit chord as an Electron accelerator, checked and spelled canonically. */
const ExitChordField = z.string().transform((text, ctx) => {
  const check = parseExitChord(text);
  if (!check.ok) {
    ctx.addIssue({ code: 'custom', message: check.message });
    return z.NEVER;
  }
  return check.accelerator;
});

/** Internal networks the asset cache may fetch from, as addresses or ADDRESS/BITS. */
const NetworksField = z.array(z.string()).transform((entries, ctx): AllowedNetworks => {
  const parsed = parseAllowedNetworks(entries);
  if (parsed.ok) return parsed.networks;
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
});

/** A broker URL: `mqtt://`, `mqtts://`, `ws://` or `wss://`. */
const FleetUrl = z.string().refine((text) => {
  try {
    return ['mqtt:', 'mqtts:', 'ws:', 'wss:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}, 'must be a broker URL such as "mqtt://hub.local:1883", "mqtts://…", "ws://…" or "wss://…"');

/** How this screen joins the venue fleet; each field may also come from its own flag or variable. */
const FleetSettings = z.strictObject({
  url: FleetUrl.nullable().optional().describe('Broker URL; null: not in a fleet.'),
  username: z
    .string()
    .min(1)
    .optional()
    .describe('Broker username; without it the screen connects anonymously.'),
  passwordFile: z
    .string()
    .min(1)
    .optional()
    .describe('File holding the broker password (never on the command line); relative to this config file.'),
  ca: z
    .string()
    .min(1)
    .optional()
    .describe('CA certificate (PEM) for mqtts:// and wss://; relative to this config file.'),
});

/** The fleet settings as read from one source (every field optional there). */
export type FleetSettingsValues = z.infer<typeof FleetSettings>;

/**
 * Every setting of Marquee, as written in `config.json` (all optional there). The same names are the
 * keys of the resolved configuration; flags and environment variables map onto them (see CONFIG_OPTIONS).
 */
export const ConfigFile = z.strictObject({
  $schema: z.string().optional().describe('Editor hint; ignored.'),
  playlist: z
    .string()
    .min(1)
    .optional()
    .describe('Playlist file; relative paths are relative to this config file.'),
  display: DisplayField.optional().describe(
    '"primary" (default), "all", or a display number from the left, 1-based.',
  ),
  displays: DisplaysSetting.optional().describe(
    'Each display its own screen: display number from the left → { "screen", "groups" }, e.g. { "1": { "screen": "hall-a-schedule" }, "2": { "screen": "hall-a-sponsors", "groups": ["sponsors"] } }. A display without an entry plays `screen`.',
  ),
  windowed: z
    .boolean()
    .optional()
    .describe('An ordinary window instead of the fullscreen kiosk (for authors).'),
  hardwareAcceleration: z
    .boolean()
    .optional()
    .describe('GPU rendering; turn off on machines with broken drivers.'),
  exitChord: ExitChordField.optional().describe('Keys that quit the kiosk, e.g. "Ctrl+Alt+Shift+Q".'),
  keyboard: z.boolean().optional().describe('Whether keys (a presenter clicker) may step through slides.'),
  screen: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
      'must be letters, digits, "-" or "_" (up to 64), e.g. "hall-a"',
    )
    .optional()
    .describe('Name of this screen for remote control and logs.'),
  groups: z
    .array(FleetName)
    .optional()
    .describe(
      'Fleet groups of this screen, e.g. ["hall-a", "doors"]: commands to a group and slides `on` it reach it.',
    ),
  fleet: FleetSettings.nullable()
    .optional()
    .describe('The venue fleet (MQTT) this screen joins; null or absent: none. See docs/fleet.md.'),
  logLevel: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
    .optional()
    .describe('How much to log.'),
  controlListen: ListenAddress.nullable()
    .optional()
    .describe('HOST:PORT for the LAN control API and web remote; null (default): off.'),
  controlToken: z
    .string()
    .min(16, 'must be at least 16 characters (leave it out and Marquee generates one)')
    .nullable()
    .optional()
    .describe('Bearer token of the LAN control API; default: generated and stored in the config folder.'),
  controlSocket: z
    .string()
    .min(1)
    .nullable()
    .optional()
    .describe('Path of the local control socket; default: per platform.'),
  controlTlsCert: z
    .string()
    .min(1)
    .nullable()
    .optional()
    .describe(
      "The venue's certificate (PEM, with its chain) for HTTPS/WSS on the LAN API; give controlTlsKey too. Default: plain HTTP.",
    ),
  controlTlsKey: z.string().min(1).nullable().optional().describe('The private key (PEM) of controlTlsCert.'),
  maxPlaylistMb: z
    .number()
    .int('must be a whole number of megabytes')
    .min(1, 'must be at least 1 (megabyte)')
    .max(1024, 'must be at most 1024 (megabytes)')
    .optional()
    .describe('Largest playlist file read, in megabytes. Default 5.'),
  allowedAssetNetworks: NetworksField.optional().describe(
    'Internal addresses or networks ("10.20.0.5", "10.20.0.0/24") the asset cache may fetch from: the venue\'s own asset server. Default: none, only public addresses.',
  ),
  allowedHosts: z
    .array(AllowedHost)
    .optional()
    .describe(
      'Names (or addresses) besides loopback and the listen address that the servers answer; ".venue.lan" includes its subdomains.',
    ),
  wall: WallSetting.nullable()
    .optional()
    .describe(
      'This screen\'s place in a synchronized wall: { "name", "columns", "rows", "column", "row", "bezel": { "x", "y" } }; null (default): not in a wall.',
    ),
  host: z.string().min(1).optional().describe('Address `marquee serve` listens on.'),
  port: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be a port from 1 to 65535')
    .max(65535, 'must be a port from 1 to 65535')
    .optional()
    .describe('Port `marquee serve` listens on.'),
  maxRenderers: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be from 1 to 1000')
    .max(1000, 'must be from 1 to 1000')
    .optional()
    .describe('Most kiosk browsers `marquee serve` keeps connected at once. Default 32.'),
  screenshotsPerMinute: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be from 1 to 600')
    .max(600, 'must be from 1 to 600')
    .optional()
    .describe('Screenshots (GET /api/screenshot) one client may ask for a minute. Default 60: one a second.'),
});

/** The settings as a config file gives them, after validation. */
export type ConfigFileValues = z.infer<typeof ConfigFile>;

/** The resolved configuration Marquee runs with. */
export type MarqueeConfig = Readonly<{
  playlist: string;
  display: NonNullable<ConfigFileValues['display']>;
  /** Display number (1 = leftmost) → the screen it plays; empty: every display plays `screen`. */
  displays: DisplaysSetting;
  windowed: boolean;
  hardwareAcceleration: boolean;
  exitChord: string;
  keyboard: boolean;
  screen: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Where the LAN control API listens; null: off. */
  controlListen: Readonly<{ host: string; port: number }> | null;
  /** The LAN API token; null: generated and stored by the control server. */
  controlToken: string | null;
  /** The local control socket; null: the platform default. */
  controlSocket: string | null;
  /** Certificate and key files of HTTPS/WSS on the LAN API; null: plain HTTP. */
  controlTls: Readonly<{ cert: string; key: string }> | null;
  /** Largest playlist file read, MB. */
  maxPlaylistMb: number;
  /** Fleet groups of this screen. */
  groups: readonly string[];
  /** The venue fleet this screen joins; null: none. Paths are absolute. */
  fleet: FleetConfig | null;
  /** Internal networks the asset cache may fetch from; empty: public addresses only. */
  allowedAssetNetworks: AllowedNetworks;
  /** Extra Host names the servers answer (DNS-rebinding guard); loopback and the listen address always are. */
  allowedHosts: readonly string[];
  /** This screen's place in a synchronized wall; null: not in one. */
  wall: WallSetting | null;
  host: string;
  port: number;
  /** Most renderers `marquee serve` keeps connected at once. */
  maxRenderers: number;
  /** Screenshots one LAN client may ask for a minute. */
  screenshotsPerMinute: number;
  /** The config file that was read, or null when none exists. */
  configFile: string | null;
}>;

/** How the screen joins its fleet, resolved. */
export type FleetConfig = Readonly<{
  url: string;
  /** null: anonymous. */
  username: string | null;
  passwordFile: string | null;
  ca: string | null;
}>;

/** The defaults, apart from the playlist (the bundled demo, whose path depends on how the app runs). */
export const DEFAULTS: Omit<MarqueeConfig, 'playlist' | 'configFile'> = {
  display: { kind: 'primary' },
  displays: {},
  windowed: false,
  hardwareAcceleration: true,
  exitChord: DEFAULT_EXIT_CHORD,
  keyboard: true,
  screen: 'main',
  logLevel: 'info',
  controlListen: null,
  controlToken: null,
  controlSocket: null,
  controlTls: null,
  maxPlaylistMb: 5,
  groups: [],
  fleet: null,
  allowedAssetNetworks: [],
  allowedHosts: [],
  wall: null,
  host: '127.0.0.1',
  port: 7770,
  maxRenderers: DEFAULT_MAX_RENDERERS,
  screenshotsPerMinute: 60,
};
