import { app } from 'electron';
import type { Logger } from 'pino';
import { childGoneVerdict, gpuProblem } from './shellHealth';

/** What the helper-process watch reports to and acts on. */
export type ProcessWatchOptions = Readonly<{
  logger: Logger;
  hardwareAcceleration: boolean;
  /** Records a problem for health's `lastError`. */
  recordError: (message: string) => void;
  /** Reloads the kiosk pages with back-off (after the GPU process died). */
  reloadPages: (reason: string) => void;
}>;

/**
 * Watches Electron's helper processes: a GPU process that died reloads the pages, any crash is logged and
 * becomes health's last error, and a GPU status that falls back to software drawing (while hardware
 * acceleration is on) is reported once per change.
 */
export function watchProcesses(options: ProcessWatchOptions): void {
  const { logger } = options;
  app.on('child-process-gone', (_event, details) => {
    const verdict = childGoneVerdict(details);
    const facts = {
      type: details.type,
      name: details.name,
      reason: details.reason,
      exitCode: details.exitCode,
    };
    if (verdict.problem === null) {
      logger.info(facts, 'a helper process ended');
      return;
    }
    logger.error(facts, verdict.problem);
    options.recordError(verdict.problem);
    if (verdict.reloadPages) options.reloadPages('the GPU process died');
  });
  let reported: string | null = null;
  app.on('gpu-info-update', () => {
    const problem = gpuProblem(app.getGPUFeatureStatus(), options.hardwareAcceleration);
    if (problem === reported) return;
    reported = problem;
    if (problem === null) {
      logger.info({ gpu: app.getGPUFeatureStatus() }, 'the GPU draws the show again');
      return;
    }
    logger.warn({ gpu: app.getGPUFeatureStatus() }, problem);
    options.recordError(problem);
  });
}
