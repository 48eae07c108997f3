import { proofOfPlayDir } from '../proof/impressionLog';
import type { ShowPart } from '../show/startShow';
import { type FleetLinkOptions, startFleetLink } from './fleetLink';
import { createProofOutbox, proofCursorFile } from './proofOutbox';

/** The link's timings a test or a benchmark may shorten (keepalive, reconnect back-off …). */
export type FleetTuning = Partial<
  Pick<
    FleetLinkOptions,
    'keepaliveS' | 'reconnectMs' | 'maxReconnectMs' | 'connectTimeoutMs' | 'proofRetryMs' | 'healthIntervalMs'
  >
>;

/** The show's link to the venue fleet, when `fleet.url` is set (docs/fleet.md). */
export const fleetPart: ShowPart = fleetPartWith({});

/** The fleet link part with its timings changed (tests and benchmarks); `fleetPart` uses the defaults. */
export function fleetPartWith(tuning: FleetTuning): ShowPart {
  return {
    name: 'the fleet link',
    async start(show) {
      const fleet = show.config.fleet;
      if (fleet === null) return null;
      const control = show.control;
      if (control === null) {
        throw new Error('the fleet link needs the control path, which did not start (see the error above)');
      }
      const screen = show.config.screen;
      const now = () => show.clock.now();
      const proof = await createProofOutbox({
        dir: proofOfPlayDir(show.paths.state),
        screen,
        cursorFile: proofCursorFile(show.paths.state, screen),
        log: show.logger,
        now,
      });
      const link = startFleetLink({
        fleet,
        member: { screen, groups: show.config.groups },
        version: show.health().version,
        run: (command, transport) => control.gateway.handleCommand(command, transport),
        state: () => control.gateway.target.states().find((s) => s.screen === screen) ?? null,
        onStateChange: (listener) => control.gateway.target.onStateChange(() => listener()),
        health: show.health,
        proof,
        log: show.logger,
        now,
        ...tuning,
      });
      return () => link.stop();
    },
  };
}
