import { type RefObject, useEffect } from 'react';
import { videoCorrection } from '../../core/wall/videoSync';
import { atFrameNearest, frameTime, hostClock } from '../time/hostClock';

/** How often a spanned video tells the host where it is. */
export const VIDEO_REPORT_MS = 500;
/** Closer than this to the wall's position when it starts, a late video plays from the start and is nudged. */
const START_SEEK_S = 0.05;
/** What a seek is first thought to cost (the picture stands still while the frame sought is decoded), seconds. */
const FIRST_SEEK_COST_S = 0.04;
/** A seek's cost is learned from the third frame after it. */
const FRAMES_TO_SETTLE = 3;

/** `x` wrapped into (−period / 2, period / 2] (no wrapping for a period of 0). */
function wrapped(x: number, period: number): number {
  if (period <= 0) return x;
  const r = ((x % period) + period) % period;
  return r > period / 2 ? r - period : r;
}

/**
 * Plays a spanned video in step with its wall: held paused (preloaded) until the wall's start of the slide,
 * `startedAt` on the host clock, then played from the wall's position (a member that joins late seeks there
 * first). On every presented frame (`requestVideoFrameCallback`) the media clock, read in that callback, is
 * compared with the wall's position at the frame's instant, and `videoCorrection` (core) nudges the playback rate
 * or, more than a second off, seeks. Every VIDEO_REPORT_MS it `report`s where it is. It loops on the wall's
 * clock: it seeks back to 0 one seek's cost before the wall's loop instant, so it starts again at that instant
 * (each page learns what a seek costs it from the last one), where the element's own `loop` would stall each
 * page by a different 25–90 ms after the instant.
 * Why the media clock and not the frame's `mediaTime`: mediaTime is the presented frame's timestamp, quantized
 * to the video's frame interval (40 ms at 25 fps); `currentTime` in the same callback is continuous and stands in
 * a fixed relation to what is displayed, the same on every screen.
 */
export function useWallVideo(
  ref: RefObject<HTMLVideoElement | null>,
  startedAt: number | undefined,
  active: boolean,
  report: (mediaS: number, at: number, rate: number) => void,
): void {
  useEffect(() => {
    const el = ref.current;
    if (!active || el === null || startedAt === undefined) return;
    el.pause();
    let stopped = false;
    let frame: number | null = null;
    let seeking = false;
    let reportedAt = Number.NEGATIVE_INFINITY;
    let seekCostS = FIRST_SEEK_COST_S;
    /** Frames to go before a seek's cost is measured (0: nothing to measure). */
    let settling = 0;
    let loopFrame = 0;
    let loopPlanned = -1;
    const durationS = (): number => (Number.isFinite(el.duration) && el.duration > 0 ? el.duration : 0);
    const wallPosition = (hostMs: number): number => {
      const s = Math.max(0, (hostMs - startedAt) / 1000);
      const d = durationS();
      return d > 0 ? s % d : s;
    };
    const seek = (toS: number): void => {
      seeking = true;
      el.addEventListener(
        'seeked',
        () => {
          seeking = false;
          settling = FRAMES_TO_SETTLE;
        },
        { once: true },
      );
      el.currentTime = toS;
    };
    /** Plans the jump back to 0 before the wall's next loop instant, once per loop, when it is near. */
    const planLoop = (at: number): void => {
      const periodMs = durationS() * 1000;
      if (periodMs <= 0) return;
      const loop = Math.floor((at - startedAt) / periodMs) + 1;
      const jumpAt = startedAt + loop * periodMs - seekCostS * 1000;
      if (loop === loopPlanned || jumpAt - at > 500) return;
      loopPlanned = loop;
      const tick = (timestamp: number): void => {
        if (stopped) return;
        // Why half a frame: jump in the frame nearest the instant, as flips do.
        if (hostClock.toHost(frameTime(timestamp)) + 8 < jumpAt) {
          loopFrame = requestAnimationFrame(tick);
          return;
        }
        seek(0);
        el.play().catch(() => undefined);
        if (frame === null) frame = el.requestVideoFrameCallback(onFrame);
      };
      loopFrame = requestAnimationFrame(tick);
    };
    const onFrame = (): void => {
      if (stopped) return;
      // Why the time of the reading, not the frame's: on a busy page the callback runs late, and the media clock
      // read then has moved on by as much.
      const shownS = el.currentTime;
      const at = hostClock.toHost(frameTime(performance.now()));
      frame = null;
      if (!seeking && settling > 0) {
        settling -= 1;
        // Why: how far behind the wall a seek left this page is what the next one should start early by.
        if (settling === 0) {
          const behind = wrapped(wallPosition(at) - shownS, durationS());
          seekCostS = Math.min(0.5, Math.max(0, seekCostS + behind));
        }
      }
      if (!seeking) {
        const correction = videoCorrection(shownS, wallPosition(at), durationS());
        if (correction.kind === 'seek') seek((correction.toSeconds + seekCostS) % (durationS() || Infinity));
        else if (el.playbackRate !== correction.playbackRate) el.playbackRate = correction.playbackRate;
      }
      planLoop(at);
      if (at - reportedAt >= VIDEO_REPORT_MS) {
        reportedAt = at;
        report(Math.round(shownS * 1e6) / 1e6, Math.round(at * 10) / 10, el.playbackRate);
      }
      frame = el.requestVideoFrameCallback(onFrame);
    };
    // Why: should the jump back be missed (no frame near the end, a stalled page), the video would stand at its end.
    const onEnded = (): void => {
      seek(
        (wallPosition(hostClock.toHost(frameTime(performance.now()))) + seekCostS) %
          (durationS() || Infinity),
      );
      el.play().catch(() => undefined);
    };
    el.addEventListener('ended', onEnded);
    const cancelStart = atFrameNearest(startedAt, (hostNow) => {
      if (stopped) return;
      const late = wallPosition(hostNow);
      // Why: a member that joins mid-slide seeks to the wall once while still paused; the nudge does the rest.
      if (late > START_SEEK_S) seek(late);
      el.play().catch(() => undefined);
      frame = el.requestVideoFrameCallback(onFrame);
    });
    return () => {
      stopped = true;
      cancelStart();
      cancelAnimationFrame(loopFrame);
      el.removeEventListener('ended', onEnded);
      if (frame !== null) el.cancelVideoFrameCallback(frame);
    };
  }, [ref, startedAt, active, report]);
}
