import { resolve } from 'node:path';
import pino, { type Logger } from 'pino';
import { slideTitle } from '../core/control/slideTitle';
import {
  createPlayer,
  type ResumePoint,
  shownMs,
  timeLeftMs,
  transition,
} from '../core/player/playerMachine';
import type {
  Announcement,
  Effect,
  PlayerEvent,
  PlayerState,
  RejectCode,
  Step,
} from '../core/player/playerTypes';
import type { Playlist, Text } from '../core/playlist/types';
import type { ShowView } from '../core/view/showView';
import { toShowView } from '../core/view/toShowView';
import { type Clock, systemClock, type TimerHandle } from './clock';
import { formatProblem } from './playlist/formatProblem';
import { type LoadOptions, loadPlaylistFile } from './playlist/loadPlaylistFile';
import { PositionStore } from './state/positionStore';
import { type FileWatch, watchFile } from './watch/watchFile';
import { assertNever } from '../core/assertNever';

/** One problem of a playlist file, at a line and column (1-based). */
export type PlaylistProblem = Readonly<{ line: number; column: number; path: string; message: string }>;

/** Whether the playlist file on disk is the one playing, or why its last edit was refused. */
export type PlaylistStatus =
  | Readonly<{ ok: true; loadedAt: number }>
  | Readonly<{
      ok: false;
      problems: readonly PlaylistProblem[];
      /** The problems as a person reads them: `FILE:LINE:COL  path  message`. */
      messages: readonly string[];
      /** When the bad edit was seen. */
      at: number;
    }>;

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

/** The playlist could not be loaded at start, so there is nothing to play; `messages` say where and why. */
export class PlaylistStartError extends Error {
  readonly messages: readonly string[];

  /** An error listing every problem of `file`. */
  constructor(file: string, messages: readonly string[]) {
    super(`cannot start: the playlist ${file} has problems:\n${messages.join('\n')}`);
    this.name = 'PlaylistStartError';
    this.messages = messages;
  }
}

/** Commands a person gives (logged at info); the rest is machinery (debug). */
const STAFF_EVENTS: ReadonlySet<PlayerEvent['type']> = new Set([
  'next',
  'prev',
  'goto',
  'pause',
  'resume',
  'blackout',
  'announce',
  'clear-announcement',
]);

/** Why: a wake is never further than this away, so a clock that jumps (no RTC, late NTP) is caught up within a minute. */
const MAX_WAKE_DELAY_MS = 60_000;

/** Runs one screen's show: the pure player with real timers, playlist watching, persistence and proof of play. */
export class PlayerHost {
  readonly screen: string;
  readonly playlistFile: string;
  readonly startedAt: number;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #store: PositionStore | null;
  readonly #onPlayed: ImpressionSink | null;
  readonly #loadOptions: LoadOptions;
  readonly #viewOptions: Readonly<{ screen: string; assetBase: string; keyboard: boolean }>;
  readonly #viewListeners = new Set<(view: ShowView) => void>();
  readonly #statusListeners = new Set<(status: HostStatus) => void>();
  readonly #dispatchListeners = new Set<(dispatched: Dispatched) => void>();
  readonly #viewStages: ViewStage[] = [];
  #state: PlayerState;
  #playlistDir: string;
  #lastGoodText: string;
  #playlistStatus: PlaylistStatus;
  #wake: TimerHandle | null = null;
  #watch: FileWatch | null = null;
  #reloading: Promise<PlaylistStatus> | null = null;
  #reloadAgain = false;
  #stopped = false;

  private constructor(
    options: PlayerHostOptions,
    loaded: Readonly<{ playlist: Playlist; dir: string; text: string }>,
    clock: Clock,
    logger: Logger,
    store: PositionStore | null,
  ) {
    this.screen = options.screen ?? 'main';
    this.playlistFile = resolve(options.playlistFile);
    this.#clock = clock;
    this.#logger = logger;
    this.#store = store;
    this.#onPlayed = options.onPlayed ?? null;
    this.#loadOptions = loadOptionsOf(options);
    this.#viewOptions = {
      screen: this.screen,
      assetBase: options.assetBase ?? '/media/',
      keyboard: options.keyboard ?? true,
    };
    this.startedAt = clock.now();
    this.#playlistDir = loaded.dir;
    this.#lastGoodText = loaded.text;
    this.#playlistStatus = { ok: true, loadedAt: this.startedAt };
    this.#state = createPlayer(loaded.playlist, this.startedAt).state;
  }

  /** Loads the playlist, resumes the saved position, starts the clock and the file watch. Throws PlaylistStartError. */
  static async start(options: PlayerHostOptions): Promise<PlayerHost> {
    const clock = options.clock ?? systemClock;
    const logger = options.logger ?? pino({ level: 'silent' });
    const file = resolve(options.playlistFile);
    const loaded = await loadPlaylistFile(file, loadOptionsOf(options));
    if (loaded.kind === 'unreadable') throw new PlaylistStartError(file, [loaded.message]);
    if (loaded.kind === 'invalid') {
      throw new PlaylistStartError(
        file,
        loaded.problems.map((p) => formatProblem(file, p)),
      );
    }
    const screen = options.screen ?? 'main';
    const store = options.stateDir == null ? null : new PositionStore(options.stateDir, screen, logger);
    const saved = store === null ? null : await store.load();
    const host = new PlayerHost(options, loaded, clock, logger, store);
    const resume: ResumePoint | undefined =
      saved !== null && saved.playlistFile === file && saved.slideId !== null
        ? {
            slideId: saved.slideId,
            elapsedMs: saved.elapsedMs,
            paused: saved.paused,
            blackout: saved.blackout,
          }
        : undefined;
    const first = createPlayer(loaded.playlist, clock.now(), resume);
    host.#state = first.state;
    host.#carryOut(first.effects);
    logger.info(
      { screen, playlist: file, slides: loaded.playlist.slides.length, resumedAt: resume?.slideId ?? null },
      resume ? `playing ${file}, resuming on slide "${resume.slideId}"` : `playing ${file}`,
    );
    host.#persist();
    if (options.watch ?? true) {
      host.#watch = watchFile(file, () => void host.reload(), options.watchDebounceMs ?? 200);
      await host.#watch.ready;
    }
    return host;
  }

  /** Applies one event from `source` (e.g. "remote", "renderer", "key"); rejected commands leave the state as it was. */
  dispatch(event: PlayerEvent, source: string): DispatchResult {
    const before = this.#state;
    const result = this.#apply(event, source);
    this.#notify(this.#dispatchListeners, { event, source, result, before }, 'a dispatch listener failed');
    return result;
  }

  #apply(event: PlayerEvent, source: string): DispatchResult {
    if (this.#stopped) return { ok: false, code: 'stopped', message: 'the player has stopped' };
    const before = this.#state;
    let step: Step;
    try {
      step = transition(before, event, this.#clock.now());
    } catch (err) {
      this.#logger.error(
        { event: event.type, source, err: String(err) },
        'the player crashed on an event; the state is unchanged',
      );
      return {
        ok: false,
        code: 'internal',
        message: `internal error while applying "${event.type}": ${String(err)}`,
      };
    }
    const rejected = step.effects.find((e) => e.type === 'rejected');
    if (rejected) {
      this.#logger.info(
        { event: event.type, source, code: rejected.code },
        `refused ${event.type}: ${rejected.message}`,
      );
      return { ok: false, code: rejected.code, message: rejected.message };
    }
    if (STAFF_EVENTS.has(event.type)) this.#logger.info({ event, source }, `${event.type} from ${source}`);
    else this.#logger.debug({ event: event.type, source }, `${event.type} from ${source}`);
    this.#state = step.state;
    this.#carryOut(step.effects);
    if (step.state !== before) this.#changed(before);
    return { ok: true, state: this.#state };
  }

  /** Re-reads the playlist file: a good file is applied without interrupting the slide; a bad one is recorded. */
  reload(): Promise<PlaylistStatus> {
    if (this.#reloading) {
      this.#reloadAgain = true;
      return this.#reloading;
    }
    this.#reloading = (async () => {
      let status: PlaylistStatus;
      do {
        this.#reloadAgain = false;
        status = await this.#reloadOnce();
      } while (this.#reloadAgain && !this.#stopped);
      this.#reloading = null;
      return status;
    })();
    return this.#reloading;
  }

  /** The view a renderer draws now, through every stage of the view pipeline. */
  getView(): ShowView {
    let view = toShowView(this.#state, this.#clock.now(), this.#viewOptions);
    for (const stage of this.#viewStages) view = stage(view);
    return view;
  }

  /** Appends `stage` to the view pipeline (e.g. the offline cache's rewrite of remote assets); returns its removal. */
  addViewStage(stage: ViewStage): () => void {
    this.#viewStages.push(stage);
    return () => {
      const at = this.#viewStages.indexOf(stage);
      if (at >= 0) this.#viewStages.splice(at, 1);
    };
  }

  /** Sends the view to every listener again: the input of a view stage changed (the live agenda), not the player. */
  refreshView(): void {
    if (this.#stopped || this.#viewListeners.size === 0) return;
    this.#notify(this.#viewListeners, this.getView(), 'a view listener failed');
  }

  /** The player state now (read-only). */
  getState(): PlayerState {
    return this.#state;
  }

  /** The playlist playing (the last good one). */
  get playlist(): Playlist {
    return this.#state.playlist;
  }

  /** The folder of the playlist file; relative assets resolve against it. */
  get playlistDir(): string {
    return this.#playlistDir;
  }

  /** What the host reports now. */
  status(): HostStatus {
    const state = this.#state;
    const now = this.#clock.now();
    const slot = state.slot;
    const slide = slot.kind === 'slide' ? state.playlist.slides[slot.index] : undefined;
    return {
      screen: this.screen,
      playlistFile: this.playlistFile,
      playlistStatus: this.#playlistStatus,
      startedAt: this.startedAt,
      slide:
        slot.kind === 'slide' && slide
          ? {
              id: slide.id,
              type: slide.type,
              position: slot.index + 1,
              count: state.playlist.slides.length,
              title: slideTitle(slide),
            }
          : null,
      seq: slot.seq,
      durationMs: slot.kind === 'slide' ? slot.durationMs : null,
      timeLeftMs: timeLeftMs(state, now),
      paused: state.paused,
      blackout: state.blackout,
      announcement: state.announcement,
    };
  }

  /** Calls `listener` with every new view; returns an unsubscribe. */
  onView(listener: (view: ShowView) => void): () => void {
    this.#viewListeners.add(listener);
    return () => this.#viewListeners.delete(listener);
  }

  /** Calls `listener` whenever the status changes (slide, pause, blackout, announcement, playlist problems). */
  onStatus(listener: (status: HostStatus) => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  /** Calls `listener` after every `dispatch` with what happened (accepted or refused); returns an unsubscribe. */
  onDispatch(listener: (dispatched: Dispatched) => void): () => void {
    this.#dispatchListeners.add(listener);
    return () => this.#dispatchListeners.delete(listener);
  }

  /** Stops the clock and the watch and saves the position; idempotent. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#persist();
    this.#stopped = true;
    this.#wake?.cancel();
    this.#wake = null;
    await this.#watch?.close();
    await this.#reloading?.catch(() => undefined);
    await this.#store?.flush();
    this.#logger.info({ screen: this.screen }, 'player stopped');
  }

  async #reloadOnce(): Promise<PlaylistStatus> {
    const file = this.playlistFile;
    const loaded = await loadPlaylistFile(file, this.#loadOptions);
    if (this.#stopped) return this.#playlistStatus;
    const now = this.#clock.now();
    switch (loaded.kind) {
      case 'ok': {
        const wasBroken = !this.#playlistStatus.ok;
        this.#playlistStatus = { ok: true, loadedAt: now };
        this.#playlistDir = loaded.dir;
        if (loaded.text !== this.#lastGoodText) {
          this.#lastGoodText = loaded.text;
          this.#logger.info(
            { playlist: file, slides: loaded.playlist.slides.length },
            `applied the edit of ${file}`,
          );
          this.dispatch({ type: 'load', playlist: loaded.playlist }, 'file-watch');
        } else if (wasBroken) {
          this.#logger.info({ playlist: file }, `${file} is good again (same as the version playing)`);
        }
        if (wasBroken) this.#emitStatus();
        return this.#playlistStatus;
      }
      case 'invalid': {
        const messages = loaded.problems.map((p) => formatProblem(file, p));
        this.#refuse({ ok: false, problems: loaded.problems, messages, at: now });
        return this.#playlistStatus;
      }
      case 'unreadable': {
        const message = loaded.message;
        this.#refuse({
          ok: false,
          problems: [{ line: 1, column: 1, path: '', message }],
          messages: [`${file}:1:1  ${message}`],
          at: now,
        });
        return this.#playlistStatus;
      }
      default:
        return assertNever(loaded);
    }
  }

  #refuse(status: Extract<PlaylistStatus, { ok: false }>): void {
    this.#playlistStatus = status;
    this.#logger.warn(
      { playlist: this.playlistFile, problems: status.messages },
      `the edit of ${this.playlistFile} was refused; the last good version keeps playing. Fix:\n${status.messages.join('\n')}`,
    );
    this.#emitStatus();
  }

  #carryOut(effects: readonly Effect[]): void {
    for (const effect of effects) {
      switch (effect.type) {
        case 'schedule-wake':
          this.#scheduleWake(effect.at);
          break;
        case 'played':
          this.#recordImpression(effect);
          break;
        case 'rejected':
          break;
        default:
          assertNever(effect);
      }
    }
  }

  #scheduleWake(at: number | null): void {
    this.#wake?.cancel();
    this.#wake = null;
    if (at === null || this.#stopped) return;
    const delay = Math.min(MAX_WAKE_DELAY_MS, Math.max(0, at - this.#clock.now()));
    this.#wake = this.#clock.setTimer(delay, () => {
      this.#wake = null;
      this.dispatch({ type: 'wake' }, 'timer');
    });
  }

  #recordImpression(effect: Extract<Effect, { type: 'played' }>): void {
    if (this.#onPlayed === null) return;
    const { type: _type, ...played } = effect;
    try {
      this.#onPlayed({ screen: this.screen, playlistFile: this.playlistFile, ...played });
    } catch (err) {
      this.#logger.error(
        { err: String(err), slideId: effect.slideId },
        'could not record an impression (proof of play)',
      );
    }
  }

  #changed(before: PlayerState): void {
    const after = this.#state;
    const slideChanged = before.slot.seq !== after.slot.seq;
    if (slideChanged) {
      const id = after.slot.kind === 'slide' ? after.slot.slideId : '(idle)';
      this.#logger.debug({ screen: this.screen, slide: id, seq: after.slot.seq }, `on screen: ${id}`);
    }
    if (slideChanged || before.paused !== after.paused || before.blackout !== after.blackout) this.#persist();
    if (this.#viewListeners.size > 0)
      this.#notify(this.#viewListeners, this.getView(), 'a view listener failed');
    this.#emitStatus();
  }

  #emitStatus(): void {
    if (this.#statusListeners.size === 0) return;
    this.#notify(this.#statusListeners, this.status(), 'a status listener failed');
  }

  /** Why: a failing listener (a closed socket, a bug in a part) must never stop the show or the other listeners. */
  #notify<T>(listeners: ReadonlySet<(value: T) => void>, value: T, problem: string): void {
    for (const listener of listeners) {
      try {
        listener(value);
      } catch (err) {
        this.#logger.error({ err: String(err) }, problem);
      }
    }
  }

  #persist(): void {
    if (this.#store === null || this.#stopped) return;
    const slot = this.#state.slot;
    void this.#store.save({
      version: 1,
      screen: this.screen,
      playlistFile: this.playlistFile,
      slideId: slot.kind === 'slide' ? slot.slideId : null,
      elapsedMs: slot.kind === 'slide' ? shownMs(slot, this.#clock.now()) : 0,
      paused: this.#state.paused,
      blackout: this.#state.blackout,
      savedAt: this.#clock.now(),
    });
  }
}

function loadOptionsOf(options: PlayerHostOptions): LoadOptions {
  return options.maxPlaylistBytes === undefined ? {} : { maxBytes: options.maxPlaylistBytes };
}
