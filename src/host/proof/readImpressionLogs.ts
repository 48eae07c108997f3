import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ImpressionRecord } from '../../core/proof/impressionRecord';

/** What reading the logs found: the records, and a warning for each line or file that was skipped. */
export type ReadImpressions = Readonly<{
  records: readonly ImpressionRecord[];
  warnings: readonly string[];
  files: readonly string[];
}>;

const LOG_FILE = /^(\d{4}-\d{2}-\d{2})\..+\.jsonl$/;

/**
 * Reads every `<day>.<screen>.jsonl` in `dir` whose day lies in `from..to` (inclusive, optional). A torn
 * last line (a crash mid-write) or a damaged line is skipped with a warning naming file and line; never fatal.
 */
export async function readImpressionLogs(
  dir: string,
  range: Readonly<{ from?: string; to?: string }> = {},
): Promise<ReadImpressions> {
  const names = (await readdir(dir)).filter((name) => {
    const day = LOG_FILE.exec(name)?.[1];
    return (
      day !== undefined &&
      (range.from === undefined || day >= range.from) &&
      (range.to === undefined || day <= range.to)
    );
  });
  names.sort();
  const records: ImpressionRecord[] = [];
  const warnings: string[] = [];
  for (const name of names) {
    const file = join(dir, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      warnings.push(
        `${file}: cannot read it (${error instanceof Error ? error.message : String(error)}); skipped`,
      );
      continue;
    }
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const isLast = i === lines.length - 1;
      const parsed = ImpressionRecord.safeParse(parseJson(line));
      if (parsed.success) {
        records.push(parsed.data);
      } else {
        warnings.push(
          isLast
            ? `${file}:${i + 1}: the last line is incomplete (the kiosk stopped while writing it); skipped`
            : `${file}:${i + 1}: not a valid impression record; skipped`,
        );
      }
    });
  }
  return { records, warnings, files: names.map((n) => join(dir, n)) };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
