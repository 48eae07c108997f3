import type { Playlist, Text } from '../playlist/types';

/** Milliseconds since the Unix epoch; the only notion of time in the core, always passed in. */
export type Instant = number;

/** An announcement drawn over whatever is on screen. */
export type Announcement = Readonly<{
  id: number;
  text: Text;
  title?: Text;
  style: 'info' | 'urgent';
  /** When it clears itself; null: until staff clear it. */
  endsAt: Instant | null;
}>;

/** The slide on screen and its clock. */
export type SlideSlot = Readonly<{
  kind: 'slide';
  /** Increments whenever something new is put on screen; the renderer acknowledges by seq. */
  seq: number;
  slideId: string;
  /** 0-based index into playlist.slides. */
  index: number;
  /** True when staff jumped to a slide outside its window (or disabled): it plays once. */
  override: boolean;
  /** False until the renderer says it has painted the slide; its time starts then. */
  presented: boolean;
  /** When the slide was put up (before the renderer acknowledged it). */
  shownAt: Instant;
  /** When the renderer acknowledged it; null before. */
  presentedAt: Instant | null;
  /** Planned time on screen; for a video without `duration`, set from its length when presented. */
  durationMs: number;
  /** Time already counted while running (the clock stops while paused or blacked out). */
  elapsedMs: number;
  /** Since when the clock is running; null when it is stopped. */
  runningSince: Instant | null;
}>;

/** Nothing eligible: the idle screen (event name, logo, clock). */
export type IdleSlot = Readonly<{ kind: 'idle'; seq: number; since: Instant }>;

/** What the rotation has on screen. */
export type Slot = SlideSlot | IdleSlot;

/**
 * Who a screen is to a slide's `on`: its own name, its fleet groups and the name of the wall it belongs to
 * (null: none). A slide with `on` plays on a screen only when one of these names is in it.
 */
export type Audience = Readonly<{ screen: string; groups: readonly string[]; wall: string | null }>;

/** The whole state of one player (one screen). */
export type PlayerState = Readonly<{
  playlist: Playlist;
  /** The screen this player plays for; null: every slide is for it (previews, tools). */
  audience: Audience | null;
  slot: Slot;
  paused: boolean;
  blackout: boolean;
  announcement: Announcement | null;
  /** Last announcement id handed out. */
  announcementSeq: number;
  /** Slides that failed to play (e.g. a broken video), by id, with when; skipped for FAILURE_RETRY_MS. */
  failures: Readonly<Record<string, Instant>>;
}>;

/** Where `goto` jumps: a slide id, or a 1-based position in `slides`. */
export type GotoTarget = string | number;

/** Everything that can happen to a player. */
export type PlayerEvent =
  | Readonly<{ type: 'wake' }>
  | Readonly<{ type: 'next' }>
  | Readonly<{ type: 'prev' }>
  | Readonly<{ type: 'goto'; target: GotoTarget }>
  /** A synchronized wall puts slide `slideId` up now, as its rotation (`time-up`) or a staff cue (`staff`) says. */
  | Readonly<{ type: 'cue'; slideId: string; reason: 'time-up' | 'staff' }>
  | Readonly<{ type: 'pause' }>
  | Readonly<{ type: 'resume' }>
  | Readonly<{ type: 'blackout'; on: boolean }>
  | Readonly<{ type: 'announce'; text: Text; title?: Text; seconds?: number; style?: 'info' | 'urgent' }>
  | Readonly<{ type: 'clear-announcement' }>
  | Readonly<{ type: 'load'; playlist: Playlist }>
  /** `paintedAt`: when the renderer painted the slide's first frame (host clock), for walls; the machine ignores it. */
  | Readonly<{
      type: 'presented';
      seq: number;
      mediaDurationMs?: number;
      paintedAt?: number;
      missedFrames?: number;
    }>
  | Readonly<{ type: 'slide-failed'; seq: number; reason: string }>
  /** Where a spanned video is (media seconds at host instant `at`), for the wall's health; the machine ignores it. */
  | Readonly<{ type: 'video-time'; seq: number; mediaS: number; at: number; playbackRate: number }>;

/** Why a slide left the screen. */
export type EndReason = 'time-up' | 'staff' | 'reload' | 'failed' | 'window-closed';

/** Work the host carries out for the machine; plain data. */
export type Effect =
  /** Call `transition(state, {type:'wake'}, at)` at `at` (replaces any earlier request); null: no wake needed. */
  | Readonly<{ type: 'schedule-wake'; at: Instant | null }>
  /** A slide left the screen after it had been presented: one impression for proof of play. */
  | Readonly<{
      type: 'played';
      slideId: string;
      slideType: string;
      presentedAt: Instant;
      endedAt: Instant;
      shownMs: number;
      reason: EndReason;
    }>
  /** A command could not be applied; the state is unchanged. */
  | Readonly<{ type: 'rejected'; code: RejectCode; message: string }>;

/** Why a command could not be applied. */
export type RejectCode = 'unknown-slide' | 'bad-position' | 'nothing-eligible' | 'not-for-screen';

/** The result of one step of the machine. */
export type Step = Readonly<{ state: PlayerState; effects: readonly Effect[] }>;

/** How long the renderer may take to acknowledge a slide before its time starts anyway. */
export const PRESENT_TIMEOUT_MS = 10_000;

/** Used when neither the slide nor the playlist defaults give a duration. */
export const DEFAULT_DURATION_S = 10;

/** How long a slide that failed to play stays out of the rotation before it is tried again. */
export const FAILURE_RETRY_MS = 60_000;
