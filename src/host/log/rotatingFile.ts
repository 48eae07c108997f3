import { closeSync, existsSync, fstatSync, openSync, renameSync, writeSync } from 'node:fs';
import type { DestinationStream } from 'pino';

/** Options of `rotatingFile`. */
export type RotatingFileOptions = Readonly<{
  /** The file written now; older ones are `<file>.1` (newest) to `<file>.<keep>` (oldest). */
  file: string;
  /** A file grows to at most this many bytes before it is rotated. */
  maxBytes: number;
  /** Rotated files kept besides the current one. */
  keep: number;
  /** Permissions of a file it creates (before the umask); default 0o666 as for any new file. */
  mode?: number;
}>;

/** A pino destination with its count of lines that could not be written. */
export type RotatingFile = DestinationStream & Readonly<{ dropped: () => number; close: () => void }>;

/** Shifts `<file>.1 … <file>.<keep-1>` up by one (the oldest is overwritten) and moves `file` to `<file>.1`. */
function shift(file: string, keep: number): void {
  for (let i = keep - 1; i >= 1; i -= 1) {
    if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
  }
  renameSync(file, `${file}.1`);
}

/**
 * A synchronous, size-rotated log file (logrotate's numbering), so a kiosk that runs for weeks never fills
 * its disk with logs and the last line before a power cut is on disk. A write that fails (disk full,
 * folder removed) drops that line and is retried with the next; it never throws into the logger.
 */
export function rotatingFile(options: RotatingFileOptions): RotatingFile {
  let fd: number | null = null;
  let size = 0;
  let dropped = 0;
  const open = (): number => {
    const opened = openSync(options.file, 'a', options.mode ?? 0o666);
    size = fstatSync(opened).size;
    fd = opened;
    return opened;
  };
  const close = (): void => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  return {
    write(line: string): void {
      const bytes = Buffer.byteLength(line);
      try {
        let target = fd ?? open();
        if (size > 0 && size + bytes > options.maxBytes) {
          close();
          shift(options.file, options.keep);
          target = open();
        }
        writeSync(target, line);
        size += bytes;
      } catch {
        dropped += 1;
        try {
          close();
        } catch {
          fd = null;
        }
      }
    },
    dropped: () => dropped,
    close,
  };
}
