import type { Logger } from 'pino';
import { type ResumePoint, shownMs } from '../../core/player/playerMachine';
import type { PlayerState } from '../../core/player/playerTypes';
import { PositionStore } from './positionStore';

/**
 * Keeps one screen's place in its show across restarts: read once at start (a resume point when it was saved
 * for the same playlist file), saved when the slide, pause or blackout changes, flushed when the show stops.
 */
export class PositionKeeper {
  readonly #store: PositionStore;
  readonly #screen: string;
  readonly #playlistFile: string;

  private constructor(store: PositionStore, screen: string, playlistFile: string) {
    this.#store = store;
    this.#screen = screen;
    this.#playlistFile = playlistFile;
  }

  /** Opens the position of `screen` in `stateDir` and where to resume `playlistFile` (undefined: from the start). */
  static async open(
    stateDir: string,
    screen: string,
    playlistFile: string,
    logger: Logger,
  ): Promise<{ keeper: PositionKeeper; resume: ResumePoint | undefined }> {
    const store = new PositionStore(stateDir, screen, logger);
    const saved = await store.load();
    const resume =
      saved !== null && saved.playlistFile === playlistFile && saved.slideId !== null
        ? {
            slideId: saved.slideId,
            elapsedMs: saved.elapsedMs,
            paused: saved.paused,
            blackout: saved.blackout,
          }
        : undefined;
    return { keeper: new PositionKeeper(store, screen, playlistFile), resume };
  }

  /** Saves where `state` is at `now` (atomically, in the background). */
  save(state: PlayerState, now: number): void {
    const slot = state.slot;
    void this.#store.save({
      version: 1,
      screen: this.#screen,
      playlistFile: this.#playlistFile,
      slideId: slot.kind === 'slide' ? slot.slideId : null,
      elapsedMs: slot.kind === 'slide' ? shownMs(slot, now) : 0,
      paused: state.paused,
      blackout: state.blackout,
      savedAt: now,
    });
  }

  /** Saves `after` when it shows another slide, or pause or blackout changed, since `before`. */
  saveIfMoved(before: PlayerState, after: PlayerState, now: number): void {
    if (
      before.slot.seq !== after.slot.seq ||
      before.paused !== after.paused ||
      before.blackout !== after.blackout
    )
      this.save(after, now);
  }

  /** Waits for the last save to reach the disk. */
  flush(): Promise<void> {
    return this.#store.flush();
  }
}
