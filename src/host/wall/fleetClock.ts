import { fleetTopics, parseFleetPayload, TimeReply } from '../../core/channels/fleetContract';
import { estimateOffset, type TimeSample } from '../../core/wall/fleetTime';
import { type Clock, fineNowOf, type TimerHandle } from '../clock';
import type { FleetBus } from '../fleet/fleetBus';
import { LOCAL_FLEET_TIME, type FleetTimeEstimate } from './wallDriver';

/** Samples in one round of fleet time requests. */
export const SAMPLES_PER_ROUND = 16;
/** How far apart a round's requests go out (so they do not queue behind each other). */
export const SAMPLE_SPACING_MS = 15;
/** Rounds after a connect, ms after it (a screen that just started is busy; later rounds are cleaner). */
export const SETTLE_ROUNDS_MS: readonly number[] = [0, 2_000, 5_000, 10_000, 20_000];
/** How fast an estimate's error bound grows with its age: 50 ppm, a free-running quartz clock's drift. */
export const DRIFT_MS_PER_MS = 50e-6;
/** A round ends this long after its last request, answered or not. */
export const ROUND_TIMEOUT_MS = 1_000;
/** How often a connected screen measures again. */
export const REMEASURE_MS = 60_000;

export type FleetClockOptions = Readonly<{
  bus: FleetBus;
  screen: string;
  clock: Clock;
  log: Readonly<{ info(obj: object, msg: string): void; warn(obj: object, msg: string): void }>;
  /** Called when a new estimate is in force. */
  onEstimate?: (estimate: FleetTimeEstimate) => void;
  remeasureMs?: number;
}>;

/** A screen's fleet time, measured against the hub over the bus. */
export type FleetClock = Readonly<{
  /** The estimate in force: the last good one (free-running on it while the bus is down), else the local clock. */
  estimate(): FleetTimeEstimate;
  stop(): void;
}>;

/**
 * Measures fleet time NTP-style over the bus: rounds of requests (`…/time`, answered by the hub on `…/time/reply`
 * with its clock) after every connect (a few, as a screen that just started is busy) and every minute;
 * `estimateOffset` keeps the shortest round trips and drops outliers. A new estimate replaces the one in force
 * when its error bound is no wider than the old one's grown by drift since it was made (so one round on a busy
 * machine does not spoil a good estimate); a round that gives none leaves it, so the screen free-runs on it while
 * the bus is down.
 */
export function startFleetClock(options: FleetClockOptions): FleetClock {
  const { bus, clock, screen, log } = options;
  type Round = { pending: Map<number, number>; samples: TimeSample[]; timers: TimerHandle[] };
  let estimate: FleetTimeEstimate = LOCAL_FLEET_TIME;
  let n = 0;
  let round: Round | null = null;
  let every: TimerHandle | null = null;
  let stopped = false;

  const finish = (done: Round): void => {
    if (round !== done) return;
    round = null;
    for (const timer of done.timers) timer.cancel();
    const found = estimateOffset(done.samples);
    if (found === null) {
      log.warn(
        { answered: done.samples.length, asked: SAMPLES_PER_ROUND },
        'wall: too few fleet time answers from the hub; keeping the last estimate',
      );
      return;
    }
    const first = estimate.source === 'local';
    const aged =
      estimate.errorMs === null || estimate.measuredAt === null
        ? Number.POSITIVE_INFINITY
        : estimate.errorMs + (clock.now() - estimate.measuredAt) * DRIFT_MS_PER_MS;
    if (!first && found.errorMs > aged) return;
    estimate = {
      offsetMs: Math.round(found.offsetMs * 100) / 100,
      errorMs: Math.round(found.errorMs * 100) / 100,
      source: 'bus',
      measuredAt: clock.now(),
    };
    if (first)
      log.info(
        { offsetMs: estimate.offsetMs, errorMs: estimate.errorMs, roundTripMs: found.bestRoundTripMs },
        'wall: fleet time measured against the hub',
      );
    options.onEstimate?.(estimate);
  };

  const measure = (): void => {
    if (stopped || round !== null || !bus.connected()) return;
    const current: Round = { pending: new Map(), samples: [], timers: [] };
    round = current;
    for (let i = 0; i < SAMPLES_PER_ROUND; i += 1) {
      current.timers.push(
        clock.setTimer(i * SAMPLE_SPACING_MS, () => {
          n += 1;
          const sentAt = fineNowOf(clock);
          current.pending.set(n, sentAt);
          bus.publish(fleetTopics.time(screen), { n, sentAt }, { qos: 0, retain: false });
        }),
      );
    }
    current.timers.push(
      clock.setTimer(SAMPLES_PER_ROUND * SAMPLE_SPACING_MS + ROUND_TIMEOUT_MS, () => finish(current)),
    );
  };

  let settling: TimerHandle[] = [];
  const settle = (): void => {
    for (const timer of settling) timer.cancel();
    settling = SETTLE_ROUNDS_MS.map((at) => clock.setTimer(at, measure));
  };
  const schedule = (): void => {
    every?.cancel();
    every = clock.setTimer(options.remeasureMs ?? REMEASURE_MS, () => {
      measure();
      schedule();
    });
  };

  const unsubscribe = bus.subscribe(fleetTopics.timeReply(screen), (topic, payload) => {
    const receivedAt = fineNowOf(clock);
    const read = parseFleetPayload(TimeReply, topic, payload);
    if (!read.ok || round === null) return;
    const sentAt = round.pending.get(read.value.n);
    if (sentAt === undefined) return;
    round.pending.delete(read.value.n);
    round.samples.push({ sentAt, hubAt: read.value.hubAt, receivedAt });
    if (round.samples.length === SAMPLES_PER_ROUND) finish(round);
  });
  const offConnect = bus.onConnect(() => {
    // Why: after a reconnect the path may differ (another broker, a proxy); measure again at once.
    for (const timer of round?.timers ?? []) timer.cancel();
    round = null;
    settle();
    schedule();
  });
  if (bus.connected()) settle();
  schedule();

  return {
    estimate: () => estimate,
    stop() {
      stopped = true;
      every?.cancel();
      for (const timer of settling) timer.cancel();
      for (const timer of round?.timers ?? []) timer.cancel();
      round = null;
      unsubscribe();
      offConnect();
    },
  };
}
