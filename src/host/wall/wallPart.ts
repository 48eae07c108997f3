import type { ShowPart } from '../show/startShow';
import { startWallDriver } from './wallDriver';

/** A wall member's part of the show: drives the player from the wall's rotation and reports it in health. */
export const wallPart: ShowPart = {
  name: 'synchronized wall',
  start(show) {
    const setting = show.config.wall;
    if (setting === null) return null;
    const driver = startWallDriver({ setting, host: show.host, clock: show.clock, logger: show.logger });
    const removeHealth = show.addHealthStage((health) => ({ ...health, wall: driver.health() }));
    show.logger.info(
      { wall: setting.name, column: setting.column, row: setting.row },
      `screen ${setting.column + 1},${setting.row + 1} of wall ${setting.name} (${setting.columns}×${setting.rows})`,
    );
    return () => {
      removeHealth();
      driver.stop();
    };
  },
};
