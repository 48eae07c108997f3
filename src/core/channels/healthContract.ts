import * as z from 'zod/mini';
import { WireText } from './wireText';
import { FleetTimeSchema, WallAnchorSchema, WallShown, WallVideo } from './wallState';

/** The slide on screen as health reports it. */
export const HealthSlide = z.strictObject({
  id: z.string(),
  type: z.string(),
  /** 1-based position in the playlist. */
  position: z.number().check(z.int(), z.positive()),
  count: z.number().check(z.int(), z.positive()),
  title: WireText,
});

/** Whether the playlist file is the one playing, or why its last edit was refused. */
export const HealthPlaylist = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), file: z.string(), loadedAt: z.number() }),
  z.strictObject({
    ok: z.literal(false),
    file: z.string(),
    problems: z.number().check(z.int(), z.nonnegative()),
    /** The first problem as a person reads it: `FILE:LINE:COL  path  message`. */
    firstProblem: z.string(),
    at: z.number(),
  }),
]);

/** The renderers' side: how many are connected and whether they keep acknowledging slides. */
export const HealthRenderers = z.strictObject({
  connected: z.number().check(z.int(), z.nonnegative()),
  /** Time since the last `presented` acknowledgement (host clock), ms; null: none yet. */
  lastAckAgeMs: z.nullable(z.number().check(z.nonnegative())),
  /** The last seq a renderer acknowledged; equal to `seq` when the slide on screen is painted. */
  acknowledgedSeq: z.nullable(z.number().check(z.int(), z.nonnegative())),
  /** Slides (and idle screens) put up since start. */
  changes: z.number().check(z.int(), z.nonnegative()),
  /** Of those, how many a renderer acknowledged. */
  acknowledged: z.number().check(z.int(), z.nonnegative()),
  /** Of those, how many left the screen without any acknowledgement. */
  missed: z.number().check(z.int(), z.nonnegative()),
  /** Reloads the watchdog ordered because no acknowledgement came. */
  watchdogReloads: z.number().check(z.int(), z.nonnegative()),
});

/** The offline asset cache. */
export const HealthCache = z.strictObject({
  entries: z.number().check(z.int(), z.nonnegative()),
  bytes: z.number().check(z.int(), z.nonnegative()),
  /** Remote assets of the playlist not cached yet. */
  pendingFetches: z.number().check(z.int(), z.nonnegative()),
  /** Remote assets whose last fetch failed. */
  failedFetches: z.number().check(z.int(), z.nonnegative()),
});

/** The proof-of-play log. */
export const HealthProof = z.strictObject({
  written: z.number().check(z.int(), z.nonnegative()),
  failedWrites: z.number().check(z.int(), z.nonnegative()),
  pending: z.number().check(z.int(), z.nonnegative()),
  dropped: z.number().check(z.int(), z.nonnegative()),
});

/** The live agenda (`sessionsFrom`): what is on screen, and what is wrong with the feed and since when. */
export const HealthAgenda = z.strictObject({
  /** The feed's URL or file. */
  source: z.string(),
  /** False while the last fetches failed or read badly; the last good agenda stays on screen. */
  ok: z.boolean(),
  /** Sessions of the agenda on screen (the last good one); 0 before the first good fetch. */
  sessions: z.number().check(z.int(), z.nonnegative()),
  /** Feed entries the last good read skipped or noted. */
  skipped: z.number().check(z.int(), z.nonnegative()),
  /** When the agenda on screen was fetched (host clock); null: none yet. */
  lastGoodAt: z.nullable(z.number()),
  /** When the feed was last asked. */
  lastCheckAt: z.nullable(z.number()),
  /** What is wrong (a sentence a person reads) and since when it has been; null while all is well. */
  problem: z.nullable(z.strictObject({ message: z.string(), since: z.number() })),
});

/** The live agenda's health. */
export type HealthAgenda = z.infer<typeof HealthAgenda>;

/** One display as the Electron shell sees it. */
export const HealthDisplay = z.strictObject({
  id: z.number(),
  label: z.string(),
  width: z.number(),
  height: z.number(),
  /** The screen whose window is on it; null: unused. */
  screen: z.nullable(z.string()),
});

/** A screen of a synchronized wall: its place, its estimate of fleet time and when its slide went up. */
export const HealthWall = z.strictObject({
  name: z.string(),
  columns: z.number().check(z.int(), z.positive()),
  rows: z.number().check(z.int(), z.positive()),
  column: z.number().check(z.int(), z.nonnegative()),
  row: z.number().check(z.int(), z.nonnegative()),
  /** How far fleet time is ahead of this host's clock, how sure, from where and when it was measured. */
  fleetTime: FleetTimeSchema,
  /** The wall's slide now, by its rotation, and the next change (fleet time, ms); null: nothing to play or held. */
  slideId: z.nullable(z.string()),
  nextChangeAt: z.nullable(z.number()),
  /** The anchor of the wall's rotation in force now (the start of fleet time, or the last cue). */
  anchor: WallAnchorSchema,
  /** The change this screen last painted for the wall: the slide, its planned fleet instant and its first painted frame. */
  shown: z.nullable(WallShown),
  /** A spanned video of the wall's current slide as this screen last reported it, in fleet time. */
  video: z.nullable(WallVideo),
});

/** A problem the pixel watchdog saw on a display, and what it did about it. */
export const ScreenProblem = z.strictObject({
  kind: z.enum(['dark', 'frozen']),
  /** The display it was seen on, 1-based (as `GET /api/screenshot?display=N` counts). */
  display: z.number().check(z.int(), z.positive()),
  /** When it began (the first dark or unchanged capture). */
  since: z.number(),
  /** When the watchdog acted on it. */
  at: z.number(),
  action: z.enum(['reload', 'restart']),
  /** When a look at that display was right again; null: not yet. */
  recoveredAt: z.nullable(z.number()),
});
/** A problem the pixel watchdog saw, and what it did. */
export type ScreenProblem = z.infer<typeof ScreenProblem>;

/** The pixel watchdog: whether the host can see the screen, what it saw, and what it last did about it. */
export const HealthScreenWatch = z.strictObject({
  /** How the host sees the screen: DevTools pipe (browser mode it started), Electron, or not at all. */
  capture: z.enum(['devtools', 'electron', 'none']),
  /** Why the host cannot see its screen (an external kiosk browser…); null when it can. */
  unavailable: z.nullable(z.string()),
  /** The displays it looks at (0 while none shows the show, or when it cannot see them). */
  displays: z.number().check(z.int(), z.nonnegative()),
  periodMs: z.number().check(z.int(), z.positive()),
  /** The last look, the worst of the displays: unknown when the host cannot see the screen. */
  verdict: z.enum(['ok', 'dark', 'frozen', 'unknown']),
  /** The last problem seen (since: when it began; at: when it was acted on), what was done, and when it was over. */
  lastProblem: z.nullable(ScreenProblem),
  reloads: z.number().check(z.int(), z.nonnegative()),
  restarts: z.number().check(z.int(), z.nonnegative()),
  /** Why the last capture failed; null when it worked. */
  captureError: z.nullable(z.string()),
});

/** The host's health: what `GET /api/health` answers (no token needed; it names no secrets). */
export const Health = z.strictObject({
  /** The request was answered (as in every LAN API reply); whether all is well is `healthy`. */
  ok: z.literal(true),
  /** False when something needs a person: a refused playlist edit, a failing agenda feed, no renderer, or renderers that stopped acknowledging. */
  healthy: z.boolean(),
  name: z.literal('marquee'),
  version: z.string(),
  screen: z.string(),
  /** Every screen this host drives (one in browser mode). */
  screens: z.array(z.string()),
  startedAt: z.number(),
  uptimeMs: z.number().check(z.nonnegative()),
  seq: z.number().check(z.int(), z.nonnegative()),
  slide: z.nullable(HealthSlide),
  paused: z.boolean(),
  blackout: z.boolean(),
  playlist: HealthPlaylist,
  lastError: z.nullable(z.strictObject({ message: z.string(), at: z.number() })),
  renderers: HealthRenderers,
  cache: z.nullable(HealthCache),
  proof: z.nullable(HealthProof),
  memory: z.strictObject({
    rssBytes: z.number().check(z.nonnegative()),
    heapUsedBytes: z.number().check(z.nonnegative()),
  }),
  /** The live agenda, when the playlist has `sessionsFrom`. */
  agenda: z.optional(HealthAgenda),
  /** Walls only: this screen's place in its wall and how it keeps time with it. */
  wall: z.optional(HealthWall),
  /** The pixel watchdog, once it runs. */
  screenWatch: z.optional(HealthScreenWatch),
  /** Electron only: the displays and where the screens are. */
  displays: z.optional(z.array(HealthDisplay)),
  /** Electron only: GPU feature status (`app.getGPUFeatureStatus()`). */
  gpu: z.optional(z.record(z.string(), z.string())),
});

/** The host's health. */
export type Health = z.infer<typeof Health>;

/** The pixel watchdog's part of health. */
export type HealthScreenWatch = z.infer<typeof HealthScreenWatch>;
