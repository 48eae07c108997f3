import type { HealthScreenWatch, ScreenProblem } from '../../core/channels/healthContract';
import type { Instant } from '../../core/player/playerTypes';
import {
  NEW_SCREEN_WATCH,
  observeScreen,
  pixelStats,
  type ScreenVerdict,
  type ScreenWatch,
} from '../../core/screen/screenVerdict';
import type { ShowView } from '../../core/view/showView';
import type { Clock, TimerHandle } from '../clock';
import { nextReloadDelay, recordCrash } from '../kiosk/reloadBackoff';
import type { DisplayCapture, ScreenCapture } from './screenCapture';

/** How often the watchdog looks at the screen, and how wide its look is. */
export const SCREEN_WATCH_PERIOD_MS = 5_000;
export const TINY_WIDTH = 64;
/** A problem back this soon after a reload means the reload did not help: restart the browser instead. */
const RELOAD_HELPED_MS = 60_000;

/** Options of `startScreenWatch`. */
export type ScreenWatchOptions = Readonly<{
  clock: Clock;
  view: () => ShowView;
  /** How the host sees its screens now (read at every look: a shell says it once its transport runs). */
  capture: () => ScreenCapture;
  periodMs?: number;
  /** Told each problem in words (the show monitor's `recordError` fits). */
  onProblem?: (message: string) => void;
  log: Readonly<{ warn(obj: object, msg: string): void }>;
}>;

/** The running watchdog: its figures for health, and its stop. */
export type ScreenWatchHandle = Readonly<{ health(): HealthScreenWatch; stop(): void }>;

const WORST: readonly HealthScreenWatch['verdict'][] = ['dark', 'frozen', 'ok'];

/**
 * Looks at every display every `periodMs` (a 64-pixel-wide capture): a screen dark or frozen while the
 * slide is not (see `observeScreen`) is reloaded, and when the problem comes back within a minute of a
 * reload, the renderer is restarted (when the capture can) after a growing delay (`nextReloadDelay`).
 * Health reports the worst display, the last problem and when it was over.
 */
export function startScreenWatch(options: ScreenWatchOptions): ScreenWatchHandle {
  const { clock, log } = options;
  const period = options.periodMs ?? SCREEN_WATCH_PERIOD_MS;
  let watches: readonly ScreenWatch[] = [];
  let verdict: HealthScreenWatch['verdict'] = 'unknown';
  let lastProblem: ScreenProblem | null = null;
  let lastReloadAt: Instant | null = null;
  let restarts: readonly Instant[] = [];
  let reloads = 0;
  let restartCount = 0;
  let lastCaptureError: string | null = null;
  let timer: TimerHandle | null = null;
  let stopped = false;

  const recover = async (
    capture: Extract<ScreenCapture, { displays: unknown }>,
    display: DisplayCapture,
    index: number,
    found: Exclude<ScreenVerdict, { kind: 'ok' }>,
  ): Promise<number> => {
    const now = clock.now();
    const { kind, since } = found;
    const reloadFailed = lastReloadAt !== null && now - lastReloadAt < RELOAD_HELPED_MS;
    watches = [];
    const problem = { kind, display: index + 1, since, at: now, recoveredAt: null };
    if (reloadFailed && capture.restart !== undefined) {
      const delay = nextReloadDelay(restarts, now);
      restarts = recordCrash(restarts, now);
      restartCount++;
      lastProblem = { ...problem, action: 'restart' };
      const message = `the screen was ${kind} again after a reload: restarting the browser`;
      log.warn({ kind, since, display: index + 1, delayMs: delay }, message);
      options.onProblem?.(message);
      lastReloadAt = null;
      await capture.restart();
      return delay;
    }
    reloads++;
    lastReloadAt = now;
    lastProblem = { ...problem, action: 'reload' };
    const message = `the screen was ${kind} while its slide is not: reloading the page`;
    log.warn({ kind, since, display: index + 1 }, message);
    options.onProblem?.(message);
    await display.reload();
    return 0;
  };

  const look = async (): Promise<number> => {
    const capture = options.capture();
    if (capture.kind === 'none') {
      verdict = 'unknown';
      return 0;
    }
    const displays = capture.displays();
    if (displays.length === 0) {
      verdict = 'unknown';
      return 0;
    }
    const view = options.view();
    const seen: ScreenWatch[] = [];
    const verdicts: ScreenVerdict[] = [];
    for (const [i, display] of displays.entries()) {
      const tiny = await display.tiny(TINY_WIDTH);
      const r = observeScreen(watches[i] ?? NEW_SCREEN_WATCH, {
        at: clock.now(),
        seq: view.seq,
        slideId: view.slide?.id ?? null,
        expectFlat: view.blackout,
        stats: pixelStats(tiny.pixels, tiny.width, tiny.height, tiny.channels),
      });
      seen.push(r.watch);
      verdicts.push(r.verdict);
    }
    lastCaptureError = null;
    watches = seen;
    verdict = WORST.find((k) => verdicts.some((v) => v.kind === k)) ?? 'ok';
    const problem = lastProblem;
    if (problem !== null && problem.recoveredAt === null && verdicts[problem.display - 1]?.kind === 'ok')
      lastProblem = { ...problem, recoveredAt: clock.now() };
    const bad = verdicts.findIndex((v) => v.kind !== 'ok');
    const found = verdicts[bad];
    const display = displays[bad];
    if (found === undefined || found.kind === 'ok' || display === undefined) return 0;
    return recover(capture, display, bad, found);
  };

  const schedule = (extraMs: number): void => {
    if (stopped) return;
    timer = clock.setTimer(period + extraMs, () => {
      timer = null;
      look().then(schedule, (err: unknown) => {
        lastCaptureError = err instanceof Error ? err.message : String(err);
        schedule(0);
      });
    });
  };
  schedule(0);

  return {
    health: () => {
      const capture = options.capture();
      return {
        capture: capture.kind,
        unavailable:
          capture.kind === 'none'
            ? capture.reason
            : capture.displays().length === 0
              ? 'no display shows the show yet'
              : null,
        displays: capture.kind === 'none' ? 0 : capture.displays().length,
        periodMs: period,
        verdict: capture.kind === 'none' ? 'unknown' : verdict,
        lastProblem,
        reloads,
        restarts: restartCount,
        captureError: lastCaptureError,
      };
    },
    stop() {
      stopped = true;
      timer?.cancel();
      timer = null;
    },
  };
}
