import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type ImpressionRecord,
  impressionRecord,
  type PlayedEffect,
} from '../../core/proof/impressionRecord';
import type { Playlist } from '../../core/playlist/types';

/** Where the sink reports trouble; a pino logger fits. */
export type ProofLog = Readonly<{
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}>;

/** Appends `data` to `file` in one write and makes it durable; replaceable in tests (to simulate a full disk). */
export type AppendDurably = (file: string, data: string) => Promise<void>;

/** Options of `createImpressionSink`. */
export type ImpressionSinkOptions = Readonly<{
  /** The proof-of-play folder (see `proofOfPlayDir`); created when missing. */
  dir: string;
  /** The screen, when the impression does not name one. */
  screen: string;
  /** The playlist playing now, for the sponsors on a slide and the event timezone. */
  playlistLookup: () => Playlist | null;
  log?: ProofLog;
  append?: AppendDurably;
  /** Impressions kept in memory while the disk refuses them; the oldest are dropped beyond. Default 10 000. */
  maxPending?: number;
}>;

/** A slide's time on screen, as the player's `played` effect (or the host's impression with its screen) gives it. */
export type PlayedImpression = PlayedEffect & Readonly<{ screen?: string }>;

/** Counters of a sink, for status pages and tests. */
export type ProofStats = Readonly<{
  written: number;
  failedWrites: number;
  pending: number;
  dropped: number;
}>;

/** Records impressions; call it with each `played` effect. Never throws and never blocks the show. */
export type ImpressionSinkHandle = ((played: PlayedImpression, playlist?: Playlist) => void) &
  Readonly<{
    /** Resolves once the writes started so far are done (on disk, or failed and queued for the next impression). */
    flush(): Promise<void>;
    stats(): ProofStats;
  }>;

/** The proof-of-play folder inside the platform state folder. */
export function proofOfPlayDir(stateDir: string): string {
  return join(stateDir, 'proof-of-play');
}

/** The log file of one day and screen: `<day>.<screen>.jsonl` (the screen name made file-safe). */
export function impressionFileName(day: string, screen: string): string {
  return `${day}.${screen.replace(/[^A-Za-z0-9_-]/g, '_')}.jsonl`;
}

/**
 * A sink that appends one JSON line per impression to `<dir>/<day>.<screen>.jsonl` (the day in the event
 * timezone, so files rotate at the venue's midnight). Each line goes out in one write followed by fdatasync;
 * a file whose last line was torn by a crash gets a newline first. When the disk refuses (ENOSPC, EIO …)
 * the failure is logged and counted, the line stays queued and is retried with the next impression.
 */
export function createImpressionSink(options: ImpressionSinkOptions): ImpressionSinkHandle {
  const append = options.append ?? appendDurably;
  const maxPending = options.maxPending ?? 10_000;
  const log = options.log;
  const pending: { file: string; line: string }[] = [];
  /** Files known to end with a newline (checked once, and again after a failed write). */
  const clean = new Set<string>();
  let written = 0;
  let failedWrites = 0;
  let dropped = 0;
  let failingSince: string | null = null;
  let draining: Promise<void> = Promise.resolve();
  // Why: one mkdir, not one per impression (it showed in the fleet benchmark); a failed write makes it again.
  let dirMade = false;

  const drain = async (): Promise<void> => {
    while (pending.length > 0) {
      const next = pending[0];
      if (next === undefined) return;
      try {
        if (!dirMade) await mkdir(options.dir, { recursive: true });
        dirMade = true;
        const prefix = clean.has(next.file) || (await endsWithNewline(next.file)) ? '' : '\n';
        await append(next.file, `${prefix}${next.line}\n`);
      } catch (error) {
        dirMade = false;
        clean.delete(next.file);
        failedWrites++;
        const code = error instanceof Error && 'code' in error ? String(error.code) : 'error';
        if (failingSince === null || failedWrites % 100 === 0) {
          log?.warn(
            { file: next.file, code, failedWrites, pending: pending.length },
            code === 'ENOSPC'
              ? 'proof of play: the disk is full; impressions are kept in memory and retried (free some space)'
              : `proof of play: cannot write ${next.file} (${code}); impressions are kept in memory and retried`,
          );
        }
        failingSince ??= code;
        return;
      }
      clean.add(next.file);
      pending.shift();
      written++;
      if (failingSince !== null) {
        log?.info({ failedWrites }, 'proof of play: the log is writable again');
        failingSince = null;
      }
    }
  };

  const kick = (): void => {
    draining = draining.then(drain);
  };

  const sink = (played: PlayedImpression, playlist?: Playlist): void => {
    let record: ImpressionRecord;
    try {
      record = impressionRecord(
        played,
        played.screen ?? options.screen,
        playlist ?? options.playlistLookup(),
      );
    } catch (error) {
      log?.warn(
        { slideId: played.slideId, error: String(error) },
        'proof of play: could not build an impression',
      );
      return;
    }
    pending.push({
      file: join(options.dir, impressionFileName(record.day, record.screen)),
      line: JSON.stringify(record),
    });
    if (pending.length > maxPending) {
      pending.splice(0, pending.length - maxPending);
      dropped++;
    }
    kick();
  };

  return Object.assign(sink, {
    flush: () => draining,
    stats: (): ProofStats => ({ written, failedWrites, pending: pending.length, dropped }),
  });
}

/** Appends with one write of the whole text, then fdatasync, so a power cut can at most tear the last line. */
export const appendDurably: AppendDurably = async (file, data) => {
  const handle = await open(file, 'a');
  try {
    await handle.appendFile(data, 'utf8');
    await handle.datasync();
  } finally {
    await handle.close();
  }
};

/** Whether `file` is missing, empty or ends with a newline: false when a crash tore its last line. */
export async function endsWithNewline(file: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch {
    return true;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
    return buffer[0] === 0x0a;
  } finally {
    await handle.close();
  }
}
