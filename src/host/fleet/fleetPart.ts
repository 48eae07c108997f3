import type { FleetConfig, MarqueeConfig } from '../config/configSchema';
import { proofOfPlayDir } from '../proof/impressionLog';
import type { ShowScreen } from '../show/showScreens';
import type { Show, ShowPart } from '../show/startShow';
import type { FleetBus } from './fleetBus';
import type { FleetLink, FleetLinkOptions } from './fleetLink';
import { createProofOutbox, proofCursorFile } from './proofOutbox';

/** The link's timings a test or a benchmark may shorten (keepalive, reconnect back-off …). */
export type FleetTuning = Partial<
  Pick<
    FleetLinkOptions,
    'keepaliveS' | 'reconnectMs' | 'maxReconnectMs' | 'connectTimeoutMs' | 'proofRetryMs' | 'healthIntervalMs'
  >
> &
  Readonly<{ thumbnail?: Readonly<{ intervalMs?: number; minIntervalMs?: number }> }>;

/**
 * How screen `screen` logs in to the broker: the machine's own screen with the `fleet` settings; a display's
 * screen (`displays`) as itself (its name as username, its own `passwordFile`), because the broker lets a
 * screen publish only under its own name; anonymous when the fleet is.
 */
export function fleetLoginOf(config: MarqueeConfig, fleet: FleetConfig, screen: string): FleetConfig {
  if (screen === config.screen || fleet.username === null) return fleet;
  const entry = Object.values(config.displays).find((e) => e.screen === screen);
  return { ...fleet, username: screen, passwordFile: entry?.passwordFile ?? null };
}

/** One screen's link: its proof outbox and its MQTT client, with its own name, groups and status topic. */
async function startScreenLink(
  show: Show,
  fleet: FleetConfig,
  s: ShowScreen,
  index: number,
  { thumbnail, ...tuning }: FleetTuning,
): Promise<FleetLink> {
  const control = show.control;
  if (control === null) {
    throw new Error('the fleet link needs the control path, which did not start (see the error above)');
  }
  const now = () => show.clock.now();
  const proof = await createProofOutbox({
    dir: proofOfPlayDir(show.paths.state),
    screen: s.name,
    cursorFile: proofCursorFile(show.paths.state, s.name),
    log: show.logger,
    now,
  });
  // Why: MQTT.js is loaded only by a screen that has a fleet to talk to.
  const { startFleetLink } = await import('./fleetLink');
  return startFleetLink({
    fleet: fleetLoginOf(show.config, fleet, s.name),
    member: { screen: s.name, groups: s.groups },
    version: show.health().version,
    run: (command, transport) => control.gateway.handleCommand(command, transport),
    state: () => control.gateway.target.states().find((state) => state.screen === s.name) ?? null,
    onStateChange: (listener) => control.gateway.target.onStateChange(() => listener()),
    health: show.health,
    proof,
    // Why: screen i of the show is on display i when each display has its own screen; else only the main one is seen.
    thumbnail: { capture: show.screenCapture, display: index, ...thumbnail },
    log: show.screens.length > 1 ? show.logger.child({ screen: s.name }) : show.logger,
    now,
    ...tuning,
  });
}

// Why: parts that start after the fleet link (a wall) reach its bus through the show they share, not a global.
const buses = new WeakMap<Show, FleetBus>();

/** The fleet bus of `show`'s own screen (`config.screen`) once its link started; null when not in a fleet. */
export function fleetBusOf(show: Show): FleetBus | null {
  return buses.get(show) ?? null;
}

/** The show's link to the venue fleet, when `fleet.url` is set (docs/fleet.md). */
export const fleetPart: ShowPart = fleetPartWith({});

/**
 * The fleet link part with its timings changed (tests and benchmarks); `fleetPart` uses the defaults. One link
 * per screen of the show; a screen whose link cannot start is logged and the others still join; with none,
 * the part is off.
 */
export function fleetPartWith({ thumbnail, ...tuning }: FleetTuning): ShowPart {
  return {
    name: 'the fleet link',
    async start(show) {
      const fleet = show.config.fleet;
      if (fleet === null) return null;
      const links: FleetLink[] = [];
      let firstError: unknown = null;
      for (const [index, s] of show.screens.entries()) {
        try {
          const link = await startScreenLink(show, fleet, s, index, {
            ...tuning,
            ...(thumbnail ? { thumbnail } : {}),
          });
          links.push(link);
          if (s.name === show.config.screen) buses.set(show, link.bus);
        } catch (err) {
          firstError ??= err;
          show.logger.error(
            { screen: s.name, err: err instanceof Error ? err.message : String(err) },
            `screen "${s.name}" could not join the fleet; it plays on without it`,
          );
        }
      }
      if (links.length === 0) throw firstError;
      return async () => {
        buses.delete(show);
        await Promise.all(links.map((link) => link.stop()));
      };
    },
  };
}
