import type { ShowPart } from '../show/startShow';
import { startScreenWatch } from './screenWatch';

/**
 * The pixel watchdog as a part of every show: it looks through whatever `ScreenCapture` the shell set
 * (browser mode's DevTools pipe, Electron's capturePage) and reports in health; without one it says why.
 */
export const screenWatchPart: ShowPart = {
  name: 'the pixel watchdog',
  start(show) {
    const watch = startScreenWatch({
      clock: show.clock,
      view: () => show.host.getView(),
      capture: show.screenCapture,
      onProblem: show.monitor.recordError,
      log: show.logger,
    });
    show.monitor.watchScreen(watch.health);
    return watch.stop;
  },
};
