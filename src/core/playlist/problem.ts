/** One thing wrong with a playlist: where (1-based line and column, and the JSON path) and what to do about it. */
export interface Problem {
  readonly line: number;
  readonly column: number;
  /** The JSON path of the offending value, e.g. `slides[3].duration`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
}

/** Orders problems by where they are in the file (line, column, then path). */
export function byPosition(a: Problem, b: Problem): number {
  return a.line - b.line || a.column - b.column || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
