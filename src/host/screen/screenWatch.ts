import type { HealthScreenWatch } from '../../core/channels/healthContract';
import type { Instant } from '../../core/player/playerTypes';
import {
  NEW_SCREEN_WATCH,
  observeScreen,
  pixelStats,
  type ScreenWatch,
} from '../../core/screen/screenVerdict';
import type { ShowView } from '../../core/view/showView';
import type { Clock, TimerHandle } from '../clock';
import { nextReloadDelay, recordCrash } from '../kiosk/reloadBackoff';
import type { DisplayCapture } from './devtoolsDisplay';

/** How often the watchdog looks at the screen, and how wide its look is. */
export const SCREEN_WATCH_PERIOD_MS = 5_000;
export const TINY_WIDTH = 64;
/** A problem back this soon after a reload means the reload did not help: restart the browser instead. */
const RELOAD_HELPED_MS = 60_000;

/** Options of `startScreenWatch`. */
export type ScreenWatchOptions = Readonly<{
  clock: Clock;
  view: () => ShowView;
  /** How the host sees the display; null: it cannot (an external kiosk browser), and health says so. */
  display: () => DisplayCapture | null;
  kind: HealthScreenWatch['capture'];
  /** Starts the browser again (browser mode); without it a reload is all the watchdog can do. */
  restart?: () => Promise<void>;
  periodMs?: number;
  /** Told each problem in words (the show monitor's `recordError` fits). */
  onProblem?: (message: string) => void;
  log: Readonly<{ warn(obj: object, msg: string): void }>;
}>;

/** The running watchdog: its figures for health, and its stop. */
export type ScreenWatchHandle = Readonly<{ health(): HealthScreenWatch; stop(): void }>;

/**
 * Looks at the display every `periodMs` (a 64-pixel-wide capture): a screen dark or frozen while the slide
 * is not (see `observeScreen`) is reloaded, and when the problem comes back within a minute of a reload,
 * the browser is restarted after a growing delay (`nextReloadDelay`). Health reports the last problem.
 */
export function startScreenWatch(options: ScreenWatchOptions): ScreenWatchHandle {
  const { clock, log } = options;
  const period = options.periodMs ?? SCREEN_WATCH_PERIOD_MS;
  let watch: ScreenWatch = NEW_SCREEN_WATCH;
  let verdict: HealthScreenWatch['verdict'] = options.display() === null ? 'unknown' : 'ok';
  let lastProblem: HealthScreenWatch['lastProblem'] = null;
  let lastReloadAt: Instant | null = null;
  let restarts: readonly Instant[] = [];
  let reloads = 0;
  let restartCount = 0;
  let lastCaptureError: string | null = null;
  let timer: TimerHandle | null = null;
  let stopped = false;

  const recover = async (kind: 'dark' | 'frozen', since: Instant): Promise<number> => {
    const now = clock.now();
    const reloadFailed = lastReloadAt !== null && now - lastReloadAt < RELOAD_HELPED_MS;
    watch = NEW_SCREEN_WATCH;
    if (reloadFailed && options.restart !== undefined) {
      const delay = nextReloadDelay(restarts, now);
      restarts = recordCrash(restarts, now);
      restartCount++;
      lastProblem = { kind, since, at: now, action: 'restart' };
      const message = `the screen was ${kind} again after a reload: restarting the browser`;
      log.warn({ kind, since, delayMs: delay }, message);
      options.onProblem?.(message);
      lastReloadAt = null;
      await options.restart();
      return delay;
    }
    reloads++;
    lastReloadAt = now;
    lastProblem = { kind, since, at: now, action: 'reload' };
    const message = `the screen was ${kind} while its slide is not: reloading the page`;
    log.warn({ kind, since }, message);
    options.onProblem?.(message);
    await options.display()?.reload();
    return 0;
  };

  const look = async (): Promise<number> => {
    const display = options.display();
    if (display === null) {
      verdict = 'unknown';
      return 0;
    }
    const view = options.view();
    const tiny = await display.tiny(TINY_WIDTH);
    lastCaptureError = null;
    const r = observeScreen(watch, {
      at: clock.now(),
      seq: view.seq,
      slideId: view.slide?.id ?? null,
      expectFlat: view.blackout,
      stats: pixelStats(tiny.pixels, tiny.width, tiny.height, tiny.channels),
    });
    watch = r.watch;
    verdict = r.verdict.kind;
    if (r.verdict.kind === 'ok') return 0;
    return recover(r.verdict.kind, r.verdict.since);
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
    health: () => ({
      capture: options.display() === null ? 'none' : options.kind,
      periodMs: period,
      verdict,
      lastProblem,
      reloads,
      restarts: restartCount,
      captureError: lastCaptureError,
    }),
    stop() {
      stopped = true;
      timer?.cancel();
      timer = null;
    },
  };
}
