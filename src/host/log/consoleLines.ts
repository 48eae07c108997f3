import type { DestinationStream } from 'pino';

const LEVEL_NAMES: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};

/** Fields every pino line has, which the readable line shows in its own places. */
const OWN_FIELDS = new Set(['level', 'time', 'msg', 'pid', 'hostname']);

/** Turns one pino JSON line into `12:03:04 WARN  message  key=value …` for a person at a terminal. */
export function formatLogLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return escapeControl(json.trimEnd());
  }
  const time =
    typeof record.time === 'number' ? new Date(record.time).toTimeString().slice(0, 8) : '--:--:--';
  const level = typeof record.level === 'number' ? (LEVEL_NAMES[record.level] ?? String(record.level)) : '?';
  const extras = Object.entries(record)
    .filter(([key]) => !OWN_FIELDS.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const message = typeof record.msg === 'string' ? record.msg : '';
  return escapeControl([`${time} ${level} ${message}`, ...extras].join('  '));
}

/** C0 and C1 controls (newline, ESC of ANSI sequences, CSI), line separators and bidi overrides. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what it is for.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Writes every control character as an escape (`\n`, `\u001b`), so text from a renderer or a playlist
 * can neither start a forged log line in the journal nor send escape sequences to the terminal.
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A pino destination that writes readable lines (see `formatLogLine`) to a text stream such as stderr. */
export function consoleLines(out: { write(text: string): unknown } = process.stderr): DestinationStream {
  return {
    write(chunk: string): void {
      for (const line of chunk.split('\n')) if (line.trim() !== '') out.write(`${formatLogLine(line)}\n`);
    },
  };
}
