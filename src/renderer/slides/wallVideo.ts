import { type RefObject, useEffect } from 'react';
import { videoCorrection } from '../../core/wall/videoSync';
import { atFrameNearest, frameTime, hostClock } from '../time/hostClock';

/** How often a spanned video tells the host where it is. */
export const VIDEO_REPORT_MS = 500;
/** Closer than this to the wall's position when it starts, a late video plays from the start and is nudged. */
const START_SEEK_S = 0.05;

/**
 * Plays a spanned video in step with its wall: held paused (preloaded) until the wall's start of the slide,
 * `startedAt` on the host clock, then played from the wall's position (a member that joins late seeks there
 * first). On every presented frame (`requestVideoFrameCallback`) the media clock, read in that callback, is
 * compared with the wall's position at the frame's instant, and `videoCorrection` (core) nudges the playback rate
 * or, more than a second off, seeks. Every VIDEO_REPORT_MS it `report`s where it is. The video loops.
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
    const durationS = (): number => (Number.isFinite(el.duration) && el.duration > 0 ? el.duration : 0);
    const wallPosition = (hostMs: number): number => {
      const s = Math.max(0, (hostMs - startedAt) / 1000);
      const d = durationS();
      return d > 0 ? s % d : s;
    };
    const seek = (toS: number): void => {
      seeking = true;
      el.addEventListener('seeked', () => (seeking = false), { once: true });
      el.currentTime = toS;
    };
    const onFrame = (): void => {
      if (stopped) return;
      // Why the time of the reading, not the frame's: on a busy page the callback runs late, and the media clock
      // read then has moved on by as much.
      const shownS = el.currentTime;
      const at = hostClock.toHost(frameTime(performance.now()));
      if (!seeking) {
        const correction = videoCorrection(shownS, wallPosition(at), durationS());
        if (correction.kind === 'seek') seek(correction.toSeconds);
        else if (el.playbackRate !== correction.playbackRate) el.playbackRate = correction.playbackRate;
      }
      if (at - reportedAt >= VIDEO_REPORT_MS) {
        reportedAt = at;
        report(Math.round(shownS * 1e6) / 1e6, Math.round(at * 10) / 10, el.playbackRate);
      }
      frame = el.requestVideoFrameCallback(onFrame);
    };
    const cancelStart = atFrameNearest(hostClock.toPage(startedAt), (pageNow) => {
      if (stopped) return;
      const late = wallPosition(hostClock.toHost(pageNow));
      // Why: a member that joins mid-slide seeks to the wall once while still paused; the nudge does the rest.
      if (late > START_SEEK_S) seek(late);
      el.play().catch(() => undefined);
      frame = el.requestVideoFrameCallback(onFrame);
    });
    return () => {
      stopped = true;
      cancelStart();
      if (frame !== null) el.cancelVideoFrameCallback(frame);
    };
  }, [ref, startedAt, active, report]);
}
