import type { Logger } from 'pino';
import type { z } from 'zod';
import type { HealthWall } from '../../core/channels/healthContract';
import type { PlayerEvent, PlayerState } from '../../core/player/playerTypes';
import type { Playlist } from '../../core/playlist/types';
import type { ShowView } from '../../core/view/showView';
import {
  addCue,
  FREE_RUNNING,
  timelinePositionAt,
  type WallAnchor,
  type WallTimeline,
} from '../../core/wall/wallRotation';
import { wallSlidesAt } from '../../core/wall/wallSlides';
import type { Clock, TimerHandle } from '../clock';
import type { Dispatched, ViewStage } from '../playerHostTypes';
import type { WallSetting } from './wallSetting';

/** How far ahead of a change the member puts the slide up (held still, preloaded) before it flips. */
export const WALL_LEAD_MS = 400;

/** This host's estimate of fleet time: `fleet = host clock + offsetMs`. */
export type FleetTimeEstimate = Readonly<{
  offsetMs: number;
  errorMs: number | null;
  source: 'local' | 'bus';
}>;

/** The machine's own clock as fleet time: right when chrony/NTP keeps the screens' clocks together. */
export const LOCAL_FLEET_TIME: FleetTimeEstimate = { offsetMs: 0, errorMs: null, source: 'local' };

/** The part of a PlayerHost the wall drives. */
export interface WallHost {
  readonly playlist: Playlist;
  getState(): PlayerState;
  dispatch(event: PlayerEvent, source: string): unknown;
  addViewStage(stage: ViewStage): () => void;
  onDispatch(listener: (dispatched: Dispatched) => void): () => void;
}

export type WallDriverOptions = Readonly<{
  setting: WallSetting;
  host: WallHost;
  clock: Clock;
  logger: Logger;
  /** Read at every step; default: the host's clock as is. */
  fleetTime?: () => FleetTimeEstimate;
}>;

export type WallDriver = Readonly<{
  /** Adds a cue (an anchor from the wall's cue topic) and re-plans. */
  cue(anchor: WallAnchor): void;
  /** What health reports of the wall. */
  health(): z.infer<typeof HealthWall>;
  stop(): void;
}>;

/**
 * Plays a wall member's rotation from fleet time: a few hundred ms before each change of the wall's slide it
 * puts the slide up (a `cue` to the player) with `flipAt` on its view, so the renderer flips on the frame
 * nearest the change, the same frame on every member; the player's own clock runs behind as a fallback. The
 * renderer's `paintedAt` becomes `shownAt` in fleet time.
 */
export function startWallDriver(options: WallDriverOptions): WallDriver {
  const { host, clock, logger, setting } = options;
  const fleetTime = options.fleetTime ?? (() => LOCAL_FLEET_TIME);
  let timeline: WallTimeline = [FREE_RUNNING];
  let timer: TimerHandle | null = null;
  let stopped = false;
  /** The change last cued: its slide and fleet start, the seq it got and its flip instant on the host clock. */
  let cued: { slideId: string; startedAt: number; seq: number; flipAt: number; startAt: number } | null =
    null;
  let shown: { slideId: string; shownAt: number } | null = null;
  let video: { slideId: string; mediaS: number; at: number; playbackRate: number } | null = null;

  const fleetNow = (): number => clock.now() + fleetTime().offsetMs;
  const positionAt = (t: number) =>
    timelinePositionAt(wallSlidesAt(host.playlist, t, setting.name), timeline, t);

  const step = (): void => {
    timer?.cancel();
    timer = null;
    if (stopped) return;
    const now = fleetNow();
    const upcoming = positionAt(now + WALL_LEAD_MS);
    if (
      upcoming !== null &&
      (cued === null || cued.slideId !== upcoming.slideId || cued.startedAt !== upcoming.startedAt)
    ) {
      const result = host.dispatch({ type: 'cue', slideId: upcoming.slideId, reason: 'time-up' }, 'wall');
      const state = host.getState();
      const onScreen = state.slot.kind === 'slide' ? state.playlist.slides[state.slot.index]?.id : undefined;
      if (onScreen === upcoming.slideId) {
        const { offsetMs } = fleetTime();
        const flipAt = Math.max(upcoming.startedAt, now) - offsetMs;
        const startAt = upcoming.startedAt - offsetMs;
        cued = {
          slideId: upcoming.slideId,
          startedAt: upcoming.startedAt,
          seq: state.slot.seq,
          flipAt,
          startAt,
        };
        video = null;
      } else {
        logger.warn(
          { wall: setting.name, slide: upcoming.slideId, result },
          'the wall could not put its slide up',
        );
      }
    }
    // Why: `upcoming` is cued now, so plan for the change after it (it ends later than now + the lead, so the wait is
    // never 0); held or empty, look again each second (a playlist edit, a cue).
    const nextChange = upcoming?.endsAt ?? null;
    const wait = nextChange === null ? 1_000 : Math.max(1, nextChange - WALL_LEAD_MS - now);
    timer = clock.setTimer(Math.min(wait, 60_000), step);
  };

  const place = {
    columns: setting.columns,
    rows: setting.rows,
    column: setting.column,
    row: setting.row,
    bezel: setting.bezel,
  };
  // Why: every view carries the screen's place (a spanned slide put up by staff still spans); the cued one also
  // carries its flip and the wall's start of the slide.
  const stage: ViewStage = (view: ShowView) => {
    if (cued === null || view.seq !== cued.seq) return { ...view, wall: place };
    return {
      ...view,
      flipAt: view.flipAt ?? cued.flipAt,
      wall: { ...place, startedAt: cued.startAt },
    };
  };
  const removeStage = host.addViewStage(stage);
  const unsubscribe = host.onDispatch(({ event }) => {
    if (event.type === 'load') step();
    if (event.type === 'video-time' && cued !== null && event.seq === cued.seq) {
      const { mediaS, playbackRate } = event;
      video = { slideId: cued.slideId, mediaS, at: event.at + fleetTime().offsetMs, playbackRate };
      return;
    }
    if (
      event.type !== 'presented' ||
      event.paintedAt === undefined ||
      cued === null ||
      event.seq !== cued.seq
    )
      return;
    shown = { slideId: cued.slideId, shownAt: event.paintedAt + fleetTime().offsetMs };
  });
  step();

  return {
    cue(anchor) {
      timeline = addCue(timeline, anchor, fleetNow());
      step();
    },
    health() {
      const now = fleetNow();
      const current = positionAt(now);
      return {
        name: setting.name,
        columns: setting.columns,
        rows: setting.rows,
        column: setting.column,
        row: setting.row,
        fleetTime: fleetTime(),
        slideId: current?.slideId ?? null,
        nextChangeAt: current?.endsAt ?? null,
        shown,
        video,
      };
    },
    stop() {
      stopped = true;
      timer?.cancel();
      removeStage();
      unsubscribe();
    },
  };
}
