import type { Text } from '../../core/playlist/types';
import { wordingsOf } from './languages';

/**
 * Joins several texts into one, language by language (e.g. title · organisation), so the result still
 * stacks or alternates per language; parts missing in a language fall back to their first wording.
 */
export function joinTexts(
  parts: ReadonlyArray<Text | undefined>,
  separator: string,
  languages: readonly string[],
): Text | undefined {
  const present = parts.filter((p): p is Text => p !== undefined);
  if (present.length === 0) return undefined;
  if (present.every((p) => typeof p === 'string')) return present.join(separator);
  const langs = new Set<string>();
  for (const p of present) for (const w of wordingsOf(p, languages)) langs.add(w.lang);
  const out: Record<string, string> = {};
  for (const lang of langs) {
    out[lang] = present
      .map((p) => {
        const ws = wordingsOf(p, languages);
        return (ws.find((w) => w.lang === lang) ?? ws[0])?.text ?? '';
      })
      .filter((s) => s.length > 0)
      .join(separator);
  }
  return out;
}
