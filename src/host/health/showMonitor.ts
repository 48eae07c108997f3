import type { ShowView } from '../../core/view/showView';
import { appVersion } from '../appVersion';
import type { Clock, TimerHandle } from '../clock';
import type { Dispatched, HostStatus } from '../playerHostTypes';
import type { Health } from '../../core/channels/healthContract';
import { buildHealth, type HealthInputs } from './health';
import { DEFAULT_WATCHDOG_LIMITS, type WatchdogLimits, watchdogVerdict } from './watchdog';

/** The part of a PlayerHost the monitor watches (a PlayerHost fits): it only listens, it never stands in for it. */
export interface MonitoredHost {
  getView(): ShowView;
  onView(listener: (view: ShowView) => void): () => void;
  onDispatch(listener: (dispatched: Dispatched) => void): () => void;
  status(): HostStatus;
  onStatus(listener: (status: HostStatus) => void): () => void;
}

/** Where the monitor reports; a pino logger fits. */
export type MonitorLog = Readonly<{
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}>;

/** How the monitor reaches the renderers: count them and reload them (a WebSocket message, or `webContents.reload()`). */
export type RendererControl = Readonly<{
  connected: () => number;
  reload: () => void;
}>;

/** Options of `createShowMonitor`. */
export type ShowMonitorOptions = Readonly<{
  host: MonitoredHost;
  /** The host's clock (the same one the PlayerHost runs on). */
  clock: Clock;
  log: MonitorLog;
  limits?: WatchdogLimits;
  /** Default: read from package.json. */
  version?: string;
  /** Figures of the offline cache, when there is one. */
  cache?: () => HealthInputs['cache'];
  /** Figures of the proof-of-play log, when there is one. */
  proof?: () => HealthInputs['proof'];
  /** The live agenda's state, when the playlist follows a feed. */
  agenda?: () => HealthInputs['agenda'];
  /** Electron only: displays and GPU status. */
  electron?: () => NonNullable<HealthInputs['electron']>;
}>;

/** Watches one screen's show: counts slide changes and acknowledgements, reloads silent renderers, answers health. */
export type ShowMonitor = Readonly<{
  /** Connects the watchdog to the renderers; until then it only counts. */
  attach(renderers: RendererControl): void;
  health(): Health;
  /** Adds the pixel watchdog's figures to health. */
  watchScreen(figures: () => NonNullable<HealthInputs['screenWatch']>): void;
  /** Records a problem a person should see in health (`lastError`). */
  recordError(message: string): void;
  stop(): void;
}>;

/**
 * Starts the monitor of `options.host`: every view with a new seq is a change, a `presented` for the seq on
 * screen acknowledges it, and renderers that acknowledge nothing for `limits.silentMs` (host clock) after a
 * change make the watchdog reload them once (then it waits another `silentMs`).
 */
export function createShowMonitor(options: ShowMonitorOptions): ShowMonitor {
  const { host, clock, log } = options;
  const limits = options.limits ?? DEFAULT_WATCHDOG_LIMITS;
  const version = options.version ?? appVersion();
  let renderers: RendererControl | null = null;
  let screenWatch: (() => NonNullable<HealthInputs['screenWatch']>) | null = null;
  let seq = host.getView().seq;
  let lastShowAt = clock.now();
  let lastAckAt: number | null = null;
  let acknowledgedSeq: number | null = null;
  let acked = false;
  let changes = 1;
  let acknowledged = 0;
  let missed = 0;
  let watchdogReloads = 0;
  let lastError: { message: string; at: number } | null = null;
  let failedWrites = 0;
  let timer: TimerHandle | null = null;
  let stopped = false;

  const recordError = (message: string): void => {
    lastError = { message, at: clock.now() };
  };

  let seqShownAt = clock.now();
  let seqSlide = host.getView().slide?.id ?? 'idle';
  const offView = host.onView((view) => {
    if (view.seq === seq) return;
    if (!acked) {
      missed++;
      if (renderers !== null && renderers.connected() > 0) {
        const upMs = Math.round(clock.now() - seqShownAt);
        log.warn(
          { seq, slide: seqSlide, upMs, missed },
          `slide ${seqSlide} (seq ${seq}) left the screen after ${upMs} ms without being acknowledged by a renderer`,
        );
      }
    }
    // Why: a renderer silent through several changes is as stuck as one silent on one slide; keep the oldest wait.
    else lastShowAt = clock.now();
    seq = view.seq;
    seqShownAt = clock.now();
    seqSlide = view.slide?.id ?? 'idle';
    changes++;
    acked = false;
  });
  const offStatus = host.onStatus((status) => {
    const playlist = status.playlistStatus;
    if (!playlist.ok && lastError?.at !== playlist.at) {
      lastError = {
        message: `the playlist edit was refused: ${playlist.messages[0] ?? 'no details'}`,
        at: playlist.at,
      };
    }
  });

  const stale = (): boolean =>
    watchdogVerdict(acked ? lastAckAt : null, lastShowAt, clock.now(), limits).kind === 'reload';

  const check = (): void => {
    timer = null;
    if (stopped) return;
    const proof = options.proof?.() ?? null;
    if (proof !== null && proof.failedWrites > failedWrites) {
      failedWrites = proof.failedWrites;
      recordError(
        `the proof-of-play log could not be written (${proof.failedWrites} failed writes, ${proof.pending} impressions waiting); the show goes on — free disk space`,
      );
    }
    const verdict = watchdogVerdict(acked ? lastAckAt : null, lastShowAt, clock.now(), limits);
    if (verdict.kind === 'reload' && renderers !== null) {
      // Why: with no renderer connected there is nothing to reload; give the next one the full time.
      if (renderers.connected() > 0) {
        watchdogReloads++;
        const message = `no renderer acknowledged slide seq ${seq} for ${Math.round(verdict.silentMs)} ms: reloading the renderer`;
        log.warn({ seq, silentMs: verdict.silentMs, reloads: watchdogReloads }, message);
        recordError(message);
        renderers.reload();
      }
      lastShowAt = clock.now();
    }
    // Why: look again exactly when a wait runs out, and often enough to notice a new wait early.
    const next =
      verdict.kind === 'waiting' ? Math.min(verdict.reloadInMs, limits.silentMs / 4) : limits.silentMs / 4;
    timer = clock.setTimer(Math.max(10, next), check);
  };
  check();

  const offDispatch = host.onDispatch(({ event, before }) => {
    if (event.type === 'presented' && event.seq === seq) {
      if (!acked) acknowledged++;
      acked = true;
      acknowledgedSeq = seq;
      lastAckAt = clock.now();
    }
    if (event.type === 'slide-failed') {
      const slide =
        before.slot.kind === 'slide' && before.slot.seq === event.seq ? before.slot.slideId : null;
      recordError(`the renderer could not play slide ${slide ?? `seq ${event.seq}`}: ${event.reason}`);
    }
  });

  return {
    attach(control) {
      renderers = control;
    },
    watchScreen(figures) {
      screenWatch = figures;
    },
    health() {
      const status = host.status();
      const memory = process.memoryUsage();
      return buildHealth({
        version,
        now: clock.now(),
        status,
        lastError,
        renderers: {
          connected: renderers?.connected() ?? 0,
          lastAckAt,
          acknowledgedSeq,
          changes,
          acknowledged,
          missed,
          watchdogReloads,
          stale: stale(),
        },
        cache: options.cache?.() ?? null,
        proof: options.proof?.() ?? null,
        memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
        agenda: options.agenda?.() ?? null,
        ...(screenWatch === null ? {} : { screenWatch: screenWatch() }),
        ...(options.electron === undefined ? {} : { electron: options.electron() }),
      });
    },
    recordError,
    stop() {
      stopped = true;
      timer?.cancel();
      timer = null;
      offView();
      offStatus();
      offDispatch();
    },
  };
}
