import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Level, type Logger } from 'pino';
import { consoleLines } from './consoleLines';
import { rotatingFile } from './rotatingFile';

/** The host log rotates at this size: `marquee.log`, then `marquee.log.1` … `marquee.log.5` (60 MB at most). */
const LOG_FILE_BYTES = 10 * 1024 * 1024;
const LOG_FILES_KEPT = 5;

/** The log levels a person may choose with `--log-level`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** One of `LOG_LEVELS`. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Options of `createHostLogger`. */
export type HostLoggerOptions = Readonly<{
  /** Folder of the JSON-lines log file (created when missing); null: no file. */
  dir: string | null;
  level: LogLevel;
  /** Where readable lines go; null: nowhere. Default stderr. */
  console?: { write(text: string): unknown } | null;
}>;

/** A pino logger writing JSON lines to `<dir>/marquee.log` (rotated by size) and readable lines to the console; returns the file too. */
export function createHostLogger(options: HostLoggerOptions): { logger: Logger; file: string | null } {
  const streams: pino.StreamEntry<Level>[] = [];
  const level: Level = options.level === 'silent' ? 'fatal' : options.level;
  let file: string | null = null;
  if (options.dir !== null) {
    mkdirSync(options.dir, { recursive: true });
    file = join(options.dir, 'marquee.log');
    // Why: synchronous writes, so the last lines before a crash or a power cut reach the disk; a kiosk logs little.
    streams.push({ level, stream: rotatingFile({ file, maxBytes: LOG_FILE_BYTES, keep: LOG_FILES_KEPT }) });
  }
  const out = options.console === undefined ? process.stderr : options.console;
  if (out !== null) streams.push({ level, stream: consoleLines(out) });
  const logger = pino(
    { level: options.level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.epochTime },
    pino.multistream(streams),
  );
  return { logger, file };
}
