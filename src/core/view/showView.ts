import type { EventInfo, Session, Slide, Text, Theme, TransitionName } from '../playlist/types';
import type { Instant } from '../player/playerTypes';
import type { WallPlace } from '../wall/spanCrop';

/** A slide as views carry it: everything but the organisers' `notes`, which never leave the host (see `screenSlide`). */
export type ScreenSlide = Slide & Readonly<{ notes?: never }>;

/** Everything a renderer needs to draw one screen; derived from the player state by `toShowView`. */
export type ShowView = Readonly<{
  /** Changes whenever a new slide (or the idle screen) is put up; echo it in `presented`. */
  seq: number;
  /** Name of the screen (display) this view is for. */
  screen: string;
  event: EventInfo;
  theme: Theme;
  sessions: readonly Session[];
  /** URL prefix that relative asset paths of the playlist are resolved against (ends with "/"). */
  assetBase: string;
  /** The slide on screen; null shows the idle screen. */
  slide: ScreenSlide | null;
  /** 1-based position of the slide and the number of slides; null when idle. */
  position: Readonly<{ index: number; count: number }> | null;
  /** The transition the slide comes in with. */
  transition: TransitionName;
  /** Planned time on screen, ms; null when idle. */
  durationMs: number | null;
  /** Time left on screen at `now`, ms; null when idle or not yet presented. */
  timeLeftMs: number | null;
  paused: boolean;
  blackout: boolean;
  announcement: Readonly<{ id: number; text: Text; title?: Text; style: 'info' | 'urgent' }> | null;
  /** The slide most likely next, so the renderer can decode its images ahead of time. */
  upcoming: ScreenSlide | null;
  /** Whether the kiosk keyboard (clicker) commands are enabled on this screen. */
  keyboard: boolean;
  /**
   * Set while idle when no slide of the playlist is for this screen (every slide's `on` names other screens):
   * the idle screen then says, calmly, that nothing is scheduled here.
   */
  nothingForScreen?: true;
  /** Previews only: this slide's `on` names other screens, so it never plays on the previewed one. */
  notHere?: true;
  /**
   * Walls only: the host-clock instant at which this view's slide must start to enter, the same on every
   * screen of the wall; the renderer holds it, preloaded, until the animation frame nearest that instant.
   */
  flipAt?: Instant;
  /**
   * Walls only: this screen's place in its wall, for slides that span it (`"span": true`), and, on the view the
   * wall cued, the host-clock instant its slide started on the wall (a spanned video's media time counts from it).
   */
  wall?: WallPlace & Readonly<{ startedAt?: Instant }>;
  /** The host's clock when the view was made; renderers correct their clock by it. */
  now: Instant;
}>;
