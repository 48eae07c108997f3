import type { Problem } from '../../core/playlist/problem';

/** One problem as one line, `FILE:LINE:COL  PATH  message` (two spaces between parts; no path part for the whole file). */
export function formatProblem(file: string, problem: Problem): string {
  const where = `${file}:${problem.line}:${problem.column}`;
  return problem.path === ''
    ? `${where}  ${problem.message}`
    : `${where}  ${problem.path}  ${problem.message}`;
}
