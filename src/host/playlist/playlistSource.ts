import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { assertNever } from '../../core/assertNever';
import type { Playlist } from '../../core/playlist/types';
import type { Clock } from '../clock';
import { type FileWatch, watchFile } from '../watch/watchFile';
import { formatProblem } from './formatProblem';
import { type LoadOptions, loadPlaylistFile } from './loadPlaylistFile';

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

/** What the source tells its player: a good edit to apply, and a change of status (refused, good again). */
export type PlaylistListener = Readonly<{
  edited(playlist: Playlist): void;
  statusChanged(): void;
}>;

/**
 * One playlist file as a source of playlists: loaded at start, re-read on every save (edits that arrive
 * while one is read are coalesced into one more read), a good edit handed on, a bad one kept as the status
 * (FILE:LINE:COL problems) while the last good playlist plays on.
 */
export class PlaylistSource {
  readonly file: string;
  /** The playlist the file held at start. */
  readonly initial: Playlist;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #loadOptions: LoadOptions;
  #dir: string;
  #lastGoodText: string;
  #status: PlaylistStatus;
  #listener: PlaylistListener | null = null;
  #watch: FileWatch | null = null;
  #reloading: Promise<PlaylistStatus> | null = null;
  #reloadAgain = false;
  #closed = false;

  private constructor(
    file: string,
    loaded: Readonly<{ playlist: Playlist; dir: string; text: string }>,
    clock: Clock,
    logger: Logger,
    loadOptions: LoadOptions,
  ) {
    this.file = file;
    this.#loadOptions = loadOptions;
    this.initial = loaded.playlist;
    this.#clock = clock;
    this.#logger = logger;
    this.#dir = loaded.dir;
    this.#lastGoodText = loaded.text;
    this.#status = { ok: true, loadedAt: clock.now() };
  }

  /** Loads `file`; throws `PlaylistStartError` (every problem, FILE:LINE:COL) when it cannot play. */
  static async open(
    file: string,
    clock: Clock,
    logger: Logger,
    loadOptions: LoadOptions = {},
  ): Promise<PlaylistSource> {
    const absolute = resolve(file);
    const loaded = await loadPlaylistFile(absolute, loadOptions);
    if (loaded.kind === 'unreadable') throw new PlaylistStartError(absolute, [loaded.message]);
    if (loaded.kind === 'invalid') {
      throw new PlaylistStartError(
        absolute,
        loaded.problems.map((p) => formatProblem(absolute, p)),
      );
    }
    return new PlaylistSource(absolute, loaded, clock, logger, loadOptions);
  }

  /** The folder of the playlist file; relative assets resolve against it. */
  get dir(): string {
    return this.#dir;
  }

  /** Whether the file on disk is the one playing, or why its last edit was refused. */
  status(): PlaylistStatus {
    return this.#status;
  }

  /** Hands edits to `listener` from now on and, when `watch`, re-reads the file on every save (resolves once watching). */
  async follow(listener: PlaylistListener, watch: Readonly<{ debounceMs: number }> | null): Promise<void> {
    this.#listener = listener;
    if (watch === null || this.#closed) return;
    this.#watch = watchFile(this.file, () => void this.reload(), watch.debounceMs);
    await this.#watch.ready;
  }

  /** Re-reads the file now: a good file is handed on, a bad one recorded; reads asked for meanwhile become one more. */
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
      } while (this.#reloadAgain && !this.#closed);
      this.#reloading = null;
      return status;
    })();
    return this.#reloading;
  }

  /** Stops watching and waits for a read under way; idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#watch?.close();
    this.#watch = null;
    await this.#reloading?.catch(() => undefined);
  }

  async #reloadOnce(): Promise<PlaylistStatus> {
    const file = this.file;
    const loaded = await loadPlaylistFile(file, this.#loadOptions);
    if (this.#closed) return this.#status;
    const now = this.#clock.now();
    switch (loaded.kind) {
      case 'ok': {
        const wasBroken = !this.#status.ok;
        this.#status = { ok: true, loadedAt: now };
        this.#dir = loaded.dir;
        if (loaded.text !== this.#lastGoodText) {
          this.#lastGoodText = loaded.text;
          this.#logger.info(
            { playlist: file, slides: loaded.playlist.slides.length },
            `applied the edit of ${file}`,
          );
          this.#listener?.edited(loaded.playlist);
        } else if (wasBroken) {
          this.#logger.info({ playlist: file }, `${file} is good again (same as the version playing)`);
        }
        if (wasBroken) this.#listener?.statusChanged();
        return this.#status;
      }
      case 'invalid': {
        const messages = loaded.problems.map((p) => formatProblem(file, p));
        this.#refuse({ ok: false, problems: loaded.problems, messages, at: now });
        return this.#status;
      }
      case 'unreadable': {
        const message = loaded.message;
        this.#refuse({
          ok: false,
          problems: [{ line: 1, column: 1, path: '', message }],
          messages: [`${file}:1:1  ${message}`],
          at: now,
        });
        return this.#status;
      }
      default:
        return assertNever(loaded);
    }
  }

  #refuse(status: Extract<PlaylistStatus, { ok: false }>): void {
    this.#status = status;
    this.#logger.warn(
      { playlist: this.file, problems: status.messages },
      `the edit of ${this.file} was refused; the last good version keeps playing. Fix:\n${status.messages.join('\n')}`,
    );
    this.#listener?.statusChanged();
  }
}
