import { locatePaths } from './jsonLocator';
import { formatPath } from './jsonPath';
import { byPosition, type Problem } from './problem';
import { checkSchema } from './schemaFindings';
import { semanticFindings } from './semanticFindings';
import { syntaxProblems } from './syntaxProblems';
import type { Playlist } from './types';

export type { Problem } from './problem';

/** What parsing a playlist gives: the playlist, or every problem found, sorted by position. */
export type ParseResult =
  | { readonly ok: true; readonly playlist: Playlist; readonly problems: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** How to parse: the file name (for messages) and, optionally, how to tell whether a relative asset path exists. */
export interface ParseOptions {
  readonly fileName: string;
  readonly assetExists?: ((ref: string) => boolean) | undefined;
}

/**
 * Parses and validates playlist text: strict JSON syntax, the schema, then the checks across fields.
 * Every problem is reported at once, each at the line and column of the offending value or key.
 */
export function parsePlaylist(text: string, options: ParseOptions): ParseResult {
  try {
    return parseChecked(text, options);
  } catch (error) {
    // Why: the JSON tree walkers recurse; lists nested thousands deep (a runaway paste) overflow the stack.
    if (!(error instanceof RangeError)) throw error;
    const message = `${options.fileName} is nested too deeply to read (lists or objects inside each other thousands of times)`;
    return { ok: false, problems: [{ line: 1, column: 1, path: '', message }] };
  }
}

function parseChecked(text: string, options: ParseOptions): ParseResult {
  // Why: some Windows editors start UTF-8 files with a byte-order mark; a space keeps every offset where it was.
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const data = parseJson(source);
  if (data.kind === 'invalid') {
    const problems = syntaxProblems(source);
    return {
      ok: false,
      problems: problems.length > 0 ? problems : [fallbackSyntaxProblem(options.fileName, data.message)],
    };
  }
  const schema = checkSchema(data.value);
  const findings = [
    ...(schema.ok ? [] : schema.findings),
    ...semanticFindings(data.value, { assetExists: options.assetExists }),
  ];
  if (schema.ok && findings.length === 0) return { ok: true, playlist: schema.playlist, problems: [] };
  const locate = locatePaths(
    source,
    findings.flatMap((f) => (f.mentions === undefined ? [f.path] : [f.path, f.mentions])),
  );
  const problems = findings.map((f) => ({
    ...locate(f.path, f.target),
    path: formatPath(f.path),
    message:
      typeof f.message === 'string' ? f.message : f.message(locate(f.mentions ?? f.path, 'value').line),
  }));
  return { ok: false, problems: problems.sort(byPosition) };
}

function parseJson(text: string): { kind: 'ok'; value: unknown } | { kind: 'invalid'; message: string } {
  try {
    return { kind: 'ok', value: JSON.parse(text) };
  } catch (error) {
    return { kind: 'invalid', message: error instanceof Error ? error.message : String(error) };
  }
}

function fallbackSyntaxProblem(fileName: string, message: string): Problem {
  return { line: 1, column: 1, path: '', message: `${fileName} is not valid JSON: ${message}` };
}
