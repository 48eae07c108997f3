import type { Logger } from 'pino';
import type { z } from 'zod';
import type { HealthWall } from '../../core/channels/healthContract';
import type { FleetTimeSchema } from '../../core/channels/wallContract';
import type { PlayerEvent, PlayerState } from '../../core/player/playerTypes';
import type { Playlist } from '../../core/playlist/types';
import type { ShowView } from '../../core/view/showView';
import {
  addCue,
  anchorAt,
  FREE_RUNNING,
  timelinePositionAt,
  type WallAnchor,
  type WallTimeline,
} from '../../core/wall/wallRotation';
import { framesOff } from '../../core/wall/frames';
import { baseFor } from '../../core/wall/wallCue';
import { wallSlidesAt } from '../../core/wall/wallSlides';
import type { Clock, TimerHandle } from '../clock';
import type { Dispatched, ViewStage } from '../playerHostTypes';
import type { WallSetting } from './wallSetting';

/** How far ahead of a change the member puts the slide up (held still, preloaded) before it flips. */
export const WALL_LEAD_MS = 400;
/** A spanned video's report goes into the status when its rate moved this much, or this often. */
const VIDEO_RATE_STEP = 0.005;
const VIDEO_STATUS_EVERY_MS = 5_000;

/** This host's estimate of fleet time: `fleet = host clock + offsetMs` (`FleetTimeSchema`). */
export type FleetTimeEstimate = Readonly<z.infer<typeof FleetTimeSchema>>;

/** The machine's own clock as fleet time: right when chrony/NTP keeps the screens' clocks together. */
export const LOCAL_FLEET_TIME: FleetTimeEstimate = {
  offsetMs: 0,
  errorMs: null,
  source: 'local',
  measuredAt: null,
};

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
  /** The anchor in force just before fleet time `at` (a local cue's base). */
  anchorBefore(at: number): WallAnchor;
  /** Fleet time now, by the current estimate. */
  fleetNow(): number;
  /** Plans again (after the fleet time estimate changed). */
  replan(): void;
  /**
   * Called after each first painted frame of a change, when the anchor in force changes, and when a spanned
   * video starts, changes rate or has not been told for 5 s (the status carries all three).
   */
  onChange(listener: () => void): () => void;
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
  /**
   * The change last cued: its slide and fleet start, its flip instant on the host clock, and the seq it got; while
   * the cue is being dispatched, `seq` is null and any newer view of the slide is its (`afterSeq` the one before).
   */
  let cued: {
    slideId: string;
    startedAt: number;
    seq: number | null;
    afterSeq: number;
    flipAt: number;
    /** The wall's start of the slide on the host clock (a spanned video's position). */
    startAt: number;
    /** How long after the wall's instant it was put up (a late cue, a starved host, a member joining mid-slide). */
    lateMs: number;
  } | null = null;
  let shown: { slideId: string; plannedAt: number; shownAt: number; missedFrames: number } | null = null;
  const shownListeners = new Set<() => void>();
  let reportedAnchor: WallAnchor = FREE_RUNNING;
  let video: { slideId: string; mediaS: number; at: number; playbackRate: number } | null = null;
  let videoToldAt = Number.NEGATIVE_INFINITY;

  const fleetNow = (): number => clock.now() + fleetTime().offsetMs;
  const positionAt = (t: number) =>
    timelinePositionAt(wallSlidesAt(host.playlist, t, setting.name), timeline, t);

  const step = (): void => {
    timer?.cancel();
    timer = null;
    if (stopped) return;
    const now = fleetNow();
    const inForce = anchorAt(timeline, now);
    if (inForce !== reportedAnchor) {
      reportedAnchor = inForce;
      for (const listener of shownListeners) listener();
    }
    const upcoming = positionAt(now + WALL_LEAD_MS);
    const current = host.getState();
    const onScreenNow =
      current.slot.kind === 'slide' ? current.playlist.slides[current.slot.index]?.id : undefined;
    // Why: a cue that keeps the slide on screen (pause, resume, goto it) must not put it up again; one that moves a
    // change still ahead (next, just before the rotation's own change to the same slide) must move its flip.
    const moved = cued !== null && cued.startedAt !== upcoming?.startedAt && cued.startedAt > now;
    if (
      upcoming !== null &&
      (cued?.slideId !== upcoming.slideId || onScreenNow !== upcoming.slideId || moved)
    ) {
      const before = cued;
      // Why: the host pushes the new view from inside dispatch; it must carry flipAt already, or the renderer
      // would start the slide at once, a lead early.
      cued = {
        slideId: upcoming.slideId,
        startedAt: upcoming.startedAt,
        seq: null,
        afterSeq: host.getState().slot.seq,
        flipAt: Math.max(upcoming.startedAt, now) - fleetTime().offsetMs,
        lateMs: Math.max(0, now - upcoming.startedAt),
        startAt: upcoming.startedAt - fleetTime().offsetMs,
      };
      const result = host.dispatch({ type: 'cue', slideId: upcoming.slideId, reason: 'time-up' }, 'wall');
      const state = host.getState();
      const onScreen = state.slot.kind === 'slide' ? state.playlist.slides[state.slot.index]?.id : undefined;
      if (onScreen === upcoming.slideId) {
        cued = { ...cued, seq: state.slot.seq };
        video = null;
      } else {
        cued = before;
        logger.warn(
          { wall: setting.name, slide: upcoming.slideId, result },
          'the wall could not put its slide up',
        );
      }
    }
    // Why: a held wall holds the player too, or its own clock would move on after the slide's duration.
    const held = upcoming !== null && upcoming.endsAt === null;
    if (held !== host.getState().paused) host.dispatch({ type: held ? 'pause' : 'resume' }, 'wall');
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
  const isCued = (view: ShowView): boolean =>
    cued !== null &&
    (cued.seq === null ? view.seq > cued.afterSeq && view.slide?.id === cued.slideId : view.seq === cued.seq);
  // Why: every view carries the screen's place (a spanned slide put up by staff still spans); the cued one also
  // carries its flip and the wall's start of the slide.
  const stage: ViewStage = (view: ShowView) => {
    if (cued === null || !isCued(view)) return { ...view, wall: place };
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
      const before = video;
      video = { slideId: cued.slideId, mediaS, at: event.at + fleetTime().offsetMs, playbackRate };
      // Why: the status carries where the video is; a report a status already implies (same slide and rate, its
      // position follows from the last one) is kept for health, not published every half second.
      const news =
        before === null ||
        before.slideId !== video.slideId ||
        Math.abs(before.playbackRate - playbackRate) >= VIDEO_RATE_STEP ||
        video.at - videoToldAt >= VIDEO_STATUS_EVERY_MS;
      if (news) {
        videoToldAt = video.at;
        for (const listener of shownListeners) listener();
      }
      return;
    }
    if (
      event.type !== 'presented' ||
      event.paintedAt === undefined ||
      cued === null ||
      event.seq !== cued.seq
    )
      return;
    shown = {
      slideId: cued.slideId,
      plannedAt: cued.startedAt,
      shownAt: event.paintedAt + fleetTime().offsetMs,
      // Why: the page counts the frames it flipped off `flipAt`; a slide put up after its instant was late before.
      missedFrames: (event.missedFrames ?? 0) + framesOff(cued.lateMs),
    };
    for (const listener of shownListeners) listener();
  });
  step();

  return {
    cue(anchor) {
      timeline = addCue(timeline, anchor, fleetNow());
      step();
    },
    anchorBefore: (at) => baseFor(timeline, at),
    fleetNow,
    replan: step,
    onChange(listener) {
      shownListeners.add(listener);
      return () => shownListeners.delete(listener);
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
        anchor: anchorAt(timeline, now),
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
