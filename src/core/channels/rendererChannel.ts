import { z } from 'zod';
import type { ShowView } from '../view/showView';

/** The renderer acknowledges that slide `seq` is painted; a video reports its length. */
export const PresentedMessage = z.strictObject({
  type: z.literal('presented'),
  seq: z.number().int().nonnegative(),
  mediaDurationMs: z
    .number()
    .positive()
    .max(24 * 3600 * 1000)
    .optional(),
  /** When the slide's first frame was painted, on the host's clock (ms since the epoch): a wall's shownAt. */
  paintedAt: z.number().nonnegative().optional(),
  /** Walls: how many frames after the one nearest the flip instant that first frame came (a busy machine). */
  missedFrames: z.number().int().nonnegative().max(1000).optional(),
});

export type PresentedMessage = z.infer<typeof PresentedMessage>;

/** The renderer reports an asset that failed (a broken image shows a placeholder; a failed video is skipped). */
export const ProblemMessage = z.strictObject({
  type: z.literal('problem'),
  seq: z.number().int().nonnegative(),
  kind: z.enum(['image-failed', 'video-failed']),
  ref: z.string().max(4096),
  message: z.string().max(1000),
});

/**
 * A spanned video on a wall reports where it is: `mediaS` seconds into the video at host-clock instant `at` (an
 * animation frame's time), playing at `playbackRate`; the wall's health shows it in fleet time.
 */
export const VideoTimeMessage = z.strictObject({
  type: z.literal('video-time'),
  seq: z.number().int().nonnegative(),
  mediaS: z
    .number()
    .nonnegative()
    .max(24 * 3600),
  at: z.number().nonnegative(),
  playbackRate: z.number().positive().max(16),
});

export type VideoTimeMessage = z.infer<typeof VideoTimeMessage>;

/** A key pressed on the kiosk (presenter clicker), already mapped to what it means. */
export const KeyMessage = z.strictObject({
  type: z.literal('key'),
  action: z.enum(['next', 'prev', 'toggle-pause', 'toggle-blackout']),
});

/** Every message a renderer may send to the host; validated by the host on arrival. */
export const RendererToHost = z.discriminatedUnion('type', [
  PresentedMessage,
  ProblemMessage,
  VideoTimeMessage,
  KeyMessage,
]);
export type RendererToHost = z.infer<typeof RendererToHost>;

/** The host puts a new view on screen (on connect and on every change). */
export type ShowMessage = Readonly<{ type: 'show'; view: ShowView }>;

/** The watchdog asks a browser-mode renderer to reload its page: it stopped acknowledging slides. */
export type ReloadMessage = Readonly<{ type: 'reload' }>;

/** Every message the host sends a renderer. */
export type HostToRenderer = ShowMessage | ReloadMessage;

/**
 * What a renderer can do, whichever shell it runs in: the Electron preload exposes exactly this
 * as `window.marquee`, and the browser-mode WebSocket client implements the same interface.
 */
export interface RendererApi {
  /** Calls `listener` with every new view (and the current one at once, when known); returns an unsubscribe. */
  onShow(listener: (view: ShowView) => void): () => void;
  presented(seq: number, mediaDurationMs?: number, paintedAt?: number, missedFrames?: number): void;
  problem(seq: number, kind: 'image-failed' | 'video-failed', ref: string, message: string): void;
  /** A spanned video's media time at host-clock instant `at` (see `VideoTimeMessage`). */
  videoTime(seq: number, mediaS: number, at: number, playbackRate: number): void;
  key(action: 'next' | 'prev' | 'toggle-pause' | 'toggle-blackout'): void;
}
