import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';

/** Where a screen was in its show, saved so that a restart resumes on the same slide. */
export const SavedPosition = z.strictObject({
  version: z.literal(1),
  screen: z.string(),
  playlistFile: z.string(),
  slideId: z.string().nullable(),
  elapsedMs: z.number().nonnegative(),
  paused: z.boolean(),
  blackout: z.boolean(),
  savedAt: z.number(),
});
export type SavedPosition = Readonly<z.infer<typeof SavedPosition>>;

/** The state file of one screen: `<dir>/position-<screen>.json` (the name made safe for any file system). */
export function positionFile(dir: string, screen: string): string {
  return join(dir, `position-${safeScreenName(screen)}.json`);
}

/** A screen name as a file name part: anything but letters, digits, `-` and `_` written as `_<hex>`. */
export function safeScreenName(screen: string): string {
  return screen.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)?.toString(16) ?? ''}`);
}

/** Reads and saves one screen's position; writes are atomic (temp file + rename) and never overlap. */
export class PositionStore {
  readonly file: string;
  readonly #logger: Logger;
  #writing: Promise<void> = Promise.resolve();
  #queued: SavedPosition | null = null;
  /** Whether the folder is known to exist (made once; again after a failed save). */
  #dirMade = false;

  /** A store for `screen` in the folder `dir` (created on first save). */
  constructor(dir: string, screen: string, logger: Logger) {
    this.file = positionFile(dir, screen);
    this.#logger = logger;
  }

  /** The saved position, or null when there is none or it cannot be read (a warning is logged; never throws). */
  async load(): Promise<SavedPosition | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.#logger.warn(
          { file: this.file, err: String(err) },
          'cannot read the saved position; starting from the first slide',
        );
      }
      return null;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      this.#logger.warn(
        { file: this.file },
        'the saved position is not valid JSON (torn write?); ignoring it',
      );
      return null;
    }
    const parsed = SavedPosition.safeParse(json);
    if (!parsed.success) {
      this.#logger.warn(
        { file: this.file, problem: parsed.error.issues[0]?.message },
        'the saved position has an unexpected shape; ignoring it',
      );
      return null;
    }
    return parsed.data;
  }

  /** Saves `position`; when a write is already running only the newest waiting position is written after it. */
  save(position: SavedPosition): Promise<void> {
    const alreadyQueued = this.#queued !== null;
    this.#queued = position;
    if (alreadyQueued) return this.#writing;
    this.#writing = this.#writing.then(async () => {
      const next = this.#queued;
      this.#queued = null;
      if (next === null) return;
      try {
        if (!this.#dirMade) await mkdir(dirname(this.file), { recursive: true });
        this.#dirMade = true;
        await writeFileAtomic(this.file, `${JSON.stringify(next)}\n`, { fsync: true });
      } catch (err) {
        this.#dirMade = false;
        this.#logger.warn(
          { file: this.file, err: String(err) },
          'cannot save the playback position; check that the state folder is writable',
        );
      }
    });
    return this.#writing;
  }

  /** Resolves when every save so far is on disk. */
  flush(): Promise<void> {
    return this.#writing;
  }
}
