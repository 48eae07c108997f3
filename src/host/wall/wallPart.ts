import { fleetBusOf } from '../fleet/fleetPart';
import type { ShowPart } from '../show/startShow';
import { type FleetClock, startFleetClock } from './fleetClock';
import { startWallCues } from './wallCues';
import { LOCAL_FLEET_TIME, startWallDriver } from './wallDriver';

/**
 * A wall member's part of the show: fleet time measured over the bus (when the screen is in a fleet), the
 * wall's rotation driving the player, cues from the wall's topic and from staff commands, and the wall in
 * health and in the retained status.
 */
export const wallPart: ShowPart = {
  name: 'synchronized wall',
  start(show) {
    const setting = show.config.wall;
    if (setting === null) return null;
    const bus = fleetBusOf(show);
    let fleetClock: FleetClock | null = null;
    const driver = startWallDriver({
      setting,
      host: show.host,
      clock: show.clock,
      logger: show.logger,
      fleetTime: () => fleetClock?.estimate() ?? LOCAL_FLEET_TIME,
    });
    if (bus !== null) {
      fleetClock = startFleetClock({
        bus,
        screen: show.config.screen,
        clock: show.clock,
        log: show.logger,
        onEstimate: () => {
          driver.replan();
          bus.statusChanged();
        },
      });
    }
    const stopCues = startWallCues({
      setting,
      screen: show.config.screen,
      host: show.host,
      driver,
      bus,
      gateway: show.control?.gateway ?? null,
      logger: show.logger,
    });
    const offShown = driver.onChange(() => bus?.statusChanged());
    const removeHealth = show.addHealthStage((health) => ({ ...health, wall: driver.health() }));
    show.logger.info(
      {
        wall: setting.name,
        column: setting.column,
        row: setting.row,
        fleetTime: bus === null ? 'local' : 'bus',
      },
      `screen ${setting.column + 1},${setting.row + 1} of wall ${setting.name} (${setting.columns}×${setting.rows})`,
    );
    return () => {
      removeHealth();
      offShown();
      stopCues();
      fleetClock?.stop();
      driver.stop();
    };
  },
};
