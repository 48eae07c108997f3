import pino, { type Logger } from 'pino';
import { slideTitle } from '../core/control/slideTitle';
import { createPlayer, timeLeftMs, transition } from '../core/player/playerMachine';
import type { Audience, Effect, PlayerEvent, PlayerState, Step } from '../core/player/playerTypes';
import type { Playlist } from '../core/playlist/types';
import type { ShowView } from '../core/view/showView';
import { toShowView } from '../core/view/toShowView';
import { type Clock, systemClock, type TimerHandle } from './clock';
import { PlaylistSource, type PlaylistStatus } from './playlist/playlistSource';
import { PositionKeeper } from './state/positionKeeper';
import { assertNever } from '../core/assertNever';
import type {
  Dispatched,
  DispatchResult,
  HostStatus,
  ImpressionSink,
  PlayerHostOptions,
  ViewStage,
} from './playerHostTypes';

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

/** The screen a host plays for, as the player's `on` checks see it. */
function audienceOf(options: PlayerHostOptions): Audience {
  return { screen: options.screen ?? 'main', groups: options.groups ?? [], wall: options.wall ?? null };
}

/** Runs one screen's show: the pure player with real timers, playlist watching, persistence and proof of play. */
export class PlayerHost {
  readonly screen: string;
  readonly playlistFile: string;
  readonly startedAt: number;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #source: PlaylistSource;
  readonly #positions: PositionKeeper | null;
  readonly #onPlayed: ImpressionSink | null;
  readonly #viewOptions: Readonly<{ screen: string; assetBase: string; keyboard: boolean }>;
  readonly #viewListeners = new Set<(view: ShowView) => void>();
  readonly #statusListeners = new Set<(status: HostStatus) => void>();
  readonly #dispatchListeners = new Set<(dispatched: Dispatched) => void>();
  readonly #viewStages: ViewStage[] = [];
  #state: PlayerState;
  #wake: TimerHandle | null = null;
  #stopped = false;

  private constructor(
    options: PlayerHostOptions,
    source: PlaylistSource,
    clock: Clock,
    logger: Logger,
    positions: PositionKeeper | null,
  ) {
    this.screen = options.screen ?? 'main';
    this.playlistFile = source.file;
    this.#clock = clock;
    this.#logger = logger;
    this.#source = source;
    this.#positions = positions;
    this.#onPlayed = options.onPlayed ?? null;
    this.#viewOptions = {
      screen: this.screen,
      assetBase: options.assetBase ?? '/media/',
      keyboard: options.keyboard ?? true,
    };
    this.startedAt = clock.now();
    this.#state = createPlayer(source.initial, this.startedAt, undefined, audienceOf(options)).state;
  }

  /** Loads the playlist, resumes the saved position, starts the clock and the file watch. Throws PlaylistStartError. */
  static async start(options: PlayerHostOptions): Promise<PlayerHost> {
    const clock = options.clock ?? systemClock;
    const logger = options.logger ?? pino({ level: 'silent' });
    const source = await PlaylistSource.open(
      options.playlistFile,
      clock,
      logger,
      options.maxPlaylistBytes === undefined ? {} : { maxBytes: options.maxPlaylistBytes },
    );
    const file = source.file;
    const screen = options.screen ?? 'main';
    const opened =
      options.stateDir == null ? null : await PositionKeeper.open(options.stateDir, screen, file, logger);
    const resume = opened?.resume;
    const host = new PlayerHost(options, source, clock, logger, opened?.keeper ?? null);
    const first = createPlayer(source.initial, clock.now(), resume, audienceOf(options));
    host.#state = first.state;
    host.#carryOut(first.effects);
    logger.info(
      { screen, playlist: file, slides: source.initial.slides.length, resumedAt: resume?.slideId ?? null },
      resume ? `playing ${file}, resuming on slide "${resume.slideId}"` : `playing ${file}`,
    );
    host.#persist();
    await source.follow(
      {
        edited: (playlist) => host.dispatch({ type: 'load', playlist }, 'file-watch'),
        statusChanged: () => host.#emitStatus(),
      },
      (options.watch ?? true) ? { debounceMs: options.watchDebounceMs ?? 200 } : null,
    );
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
    return this.#source.reload();
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
    return this.#source.dir;
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
      playlistStatus: this.#source.status(),
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
    await this.#source.close();
    await this.#positions?.flush();
    this.#logger.info({ screen: this.screen }, 'player stopped');
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
    if (!this.#stopped) this.#positions?.saveIfMoved(before, after, this.#clock.now());
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
    if (!this.#stopped) this.#positions?.save(this.#state, this.#clock.now());
  }
}
