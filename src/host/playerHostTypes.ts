import type { Logger } from 'pino';
import type { Announcement, Effect, PlayerEvent, PlayerState, RejectCode } from '../core/player/playerTypes';
import type { Text } from '../core/playlist/types';
import type { ShowView } from '../core/view/showView';
import type { Clock } from './clock';
import type { PlaylistStatus } from './playlist/playlistSource';

/** One slide's time on screen, for proof of play. */
export type Impression = Readonly<{
  screen: string;
  playlistFile: string;
  slideId: string;
  slideType: string;
  presentedAt: number;
  endedAt: number;
  shownMs: number;
  reason: Extract<Effect, { type: 'played' }>['reason'];
}>;

/** Receives every impression (a JSONL appender, a test's array …). */
export type ImpressionSink = (impression: Impression) => void;

/** What the host reports about its screen (the remote, `marquee status` and logs read it). */
export type HostStatus = Readonly<{
  screen: string;
  playlistFile: string;
  playlistStatus: PlaylistStatus;
  startedAt: number;
  /** The slide on screen; null while the idle screen shows. */
  slide: Readonly<{ id: string; type: string; position: number; count: number; title: Text }> | null;
  seq: number;
  durationMs: number | null;
  timeLeftMs: number | null;
  paused: boolean;
  blackout: boolean;
  announcement: Announcement | null;
}>;

/** The answer to `dispatch`: the new state, or why the command was refused (the state is then unchanged). */
export type DispatchResult =
  | Readonly<{ ok: true; state: PlayerState }>
  | Readonly<{ ok: false; code: RejectCode | 'stopped' | 'internal'; message: string }>;

/** What one `dispatch` did: the event, who sent it, the answer, and the state it was applied to. */
export type Dispatched = Readonly<{
  event: PlayerEvent;
  source: string;
  result: DispatchResult;
  before: PlayerState;
}>;

/** A step of the view pipeline: every view a renderer gets (pushed or asked for) passes through the stages in order. */
export type ViewStage = (view: ShowView) => ShowView;

/** Options of `PlayerHost.start`. */
export type PlayerHostOptions = Readonly<{
  playlistFile: string;
  /** Name of the screen this host drives. Default "main". */
  screen?: string;
  /** Fleet groups of the screen: slides `on` one of them play here. Default none. */
  groups?: readonly string[];
  /** Name of the wall the screen belongs to: slides `on` it play here. Default none. */
  wall?: string | null;
  /** Folder for the saved position; null: do not persist. Default: no persistence. */
  stateDir?: string | null;
  clock?: Clock;
  logger?: Logger;
  onPlayed?: ImpressionSink;
  /** Watch the playlist file and apply good edits. Default true. */
  watch?: boolean;
  watchDebounceMs?: number;
  /** Whether the kiosk keyboard (clicker) may drive this screen. Default true. */
  keyboard?: boolean;
  /** URL prefix of the playlist's folder as the renderer sees it. Default "/media/". */
  assetBase?: string;
  /** A playlist file over this size is refused (start) or kept out (edit). Default 5 MB. */
  maxPlaylistBytes?: number;
}>;
