import { distance } from 'fastest-levenshtein';

/** The candidate closest to `word` when it is a plausible typo of it (case-insensitive), else undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  // Why: two edits (or a third of a long word) let "spekaer" reach "speaker" and "nmae" reach "name" without pairing unrelated short words.
  const limit = lower.length <= 3 ? 1 : Math.max(2, Math.floor(lower.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= limit && best !== word ? best : undefined;
}

/** `; did you mean "x"?` when a near candidate exists, else an empty string. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const near = closest(word, candidates);
  return near === undefined ? '' : `; did you mean "${near}"?`;
}

/** `what; did you mean "x"? Rest` or `what; rest`, whichever reads right. */
export function withHint(what: string, suggestion: string, rest: string): string {
  if (rest === '') return `${what}${suggestion}`;
  return suggestion === ''
    ? `${what}; ${rest}`
    : `${what}${suggestion} ${rest[0]?.toUpperCase()}${rest.slice(1)}`;
}
