import { fleetPart } from '../fleet/fleetPart';
import { screenWatchPart } from '../screen/screenWatchPart';
import { wallPart } from '../wall/wallPart';
import type { ShowPart } from './startShow';

/**
 * The parts both shells run, in start order, after the core of the show (proof of play, player, offline
 * cache, monitor, remote control) and before the shell's transport. A new part that belongs to every
 * screen (the venue fleet link, walls) is added here once, as a `ShowPart`; it gets the running `Show`
 * and returns its disposer, which the show's lifetime runs in reverse order on `dispose()`.
 */
export const SHOW_PARTS: readonly ShowPart[] = [fleetPart, wallPart, screenWatchPart];
