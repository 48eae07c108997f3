import {
  type FleetAlert,
  type FleetMember,
  type OnlineStatus,
  STATUS_MIN_INTERVAL_MS,
} from '../../core/channels/fleetContract';
import type { Health } from '../../core/channels/healthContract';
import type { ControlCommand } from '../../core/control/commands';
import type { ControlState } from '../../core/control/controlState';

/** The retained status a screen publishes while online. */
export function onlineStatus(
  input: Readonly<{
    member: FleetMember;
    state: ControlState;
    health: Health;
    version: string;
    alert: FleetAlert;
    now: number;
    /** Seconds between the status heartbeats. */
    keepaliveS: number;
  }>,
): OnlineStatus {
  const { state, alert } = input;
  return {
    screen: input.member.screen,
    groups: [...input.member.groups],
    online: true,
    slide: state.slide === null ? null : { id: state.slide.id, title: state.slide.title },
    paused: state.paused,
    blackout: state.blackout,
    announcement:
      state.announcement === null
        ? null
        : { text: state.announcement.text, title: state.announcement.title, style: state.announcement.style },
    alert: alert.active ? { text: alert.text, since: alert.since } : null,
    healthy: input.health.healthy,
    ...(input.health.screenWatch === undefined
      ? {}
      : {
          screenWatch: {
            capture: input.health.screenWatch.capture,
            verdict: input.health.screenWatch.verdict,
            lastProblem: input.health.screenWatch.lastProblem,
          },
        }),
    version: input.version,
    at: input.now,
    keepalive: input.keepaliveS,
    ...(input.health.wall === undefined
      ? {}
      : {
          wall: {
            name: input.health.wall.name,
            column: input.health.wall.column,
            row: input.health.wall.row,
            fleetTime: input.health.wall.fleetTime,
            anchor: input.health.wall.anchor,
            shown: input.health.wall.shown,
            video: input.health.wall.video,
          },
        }),
  };
}

/** The alert a screen shows: when it was raised and the announcement that carries it. */
export type AlertShown = Readonly<{ since: number; announcement: number | null }>;

/**
 * What to run for a new alert state: show an active alert once per `since` (as an urgent announcement
 * without an end), and clear it only when the announcement on screen is still the alert's own.
 */
export function alertAnnouncement(
  alert: FleetAlert,
  shown: AlertShown | null,
  state: ControlState | null,
): Readonly<{ command: ControlCommand; shown: AlertShown | null }> | null {
  if (alert.active) {
    if (shown !== null && shown.since === alert.since) return null;
    return {
      command: {
        type: 'announce',
        id: `alert-${alert.since}`,
        text: alert.text,
        style: alert.style,
        ...(alert.title === undefined ? {} : { title: alert.title }),
      },
      shown: { since: alert.since, announcement: null },
    };
  }
  if (shown === null) return null;
  const ours = state?.announcement?.id === shown.announcement && shown.announcement !== null;
  return ours
    ? { command: { type: 'clear-announcement', id: `alert-clear-${shown.since}` }, shown: null }
    : null;
}

/** Publishes the status on change, at most once per `STATUS_MIN_INTERVAL_MS`, and only when it differs. */
export class StatusThrottle {
  readonly #build: () => OnlineStatus | null;
  readonly #publish: (status: OnlineStatus) => void;
  #last = '';
  #lastAt = 0;
  #timer: NodeJS.Timeout | null = null;

  constructor(build: () => OnlineStatus | null, publish: (status: OnlineStatus) => void) {
    this.#build = build;
    this.#publish = publish;
  }

  /** Something changed: publish soon. */
  changed(): void {
    if (this.#timer !== null) return;
    const wait = Math.max(0, this.#lastAt + STATUS_MIN_INTERVAL_MS - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#send(false);
    }, wait);
  }

  /** Publish now, even when unchanged (after a connect: the retained status may be the will). */
  publishNow(): void {
    this.#send(true);
  }

  stop(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #send(force: boolean): void {
    const status = this.#build();
    if (status === null) return;
    const key = JSON.stringify({ ...status, at: 0 });
    if (!force && key === this.#last) return;
    this.#last = key;
    this.#lastAt = Date.now();
    this.#publish(status);
  }
}
