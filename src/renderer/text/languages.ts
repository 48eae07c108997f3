import type { Text } from '../../core/playlist/types';

/** One language's wording of a text. */
export type Wording = Readonly<{ lang: string; text: string }>;

/**
 * The wordings of `text` to show, in the event's language order: a plain string is one wording in the
 * first language; a record gives every event language it has (duplicates dropped), or its first entry
 * when it has none of them.
 */
export function wordingsOf(text: Text, languages: readonly string[]): readonly Wording[] {
  const first = languages[0] ?? 'en';
  if (typeof text === 'string') return [{ lang: first, text }];
  const found: Wording[] = [];
  for (const lang of languages) {
    const value = text[lang];
    if (value !== undefined && !found.some((w) => w.text === value)) found.push({ lang, text: value });
  }
  if (found.length > 0) return found;
  const [lang, value] = Object.entries(text)[0] ?? [first, ''];
  return [{ lang, text: value }];
}

/** The wording in `lang`, else the first one shown; for one-line labels such as tier names. */
export function wordingIn(text: Text, lang: string, languages: readonly string[]): Wording {
  const all = wordingsOf(text, languages);
  return all.find((w) => w.lang === lang) ?? all[0] ?? { lang, text: '' };
}

/** A text whose " · " separators never start a line: the space before each one does not break. */
export function separatorsKept(text: string): string {
  return text.replace(/ ([·・•|]) /g, '\u00a0$1 ');
}

/** Plain text of every wording joined with " / ", for logs and alt text. */
export function plainText(text: Text, languages: readonly string[]): string {
  return wordingsOf(text, languages)
    .map((w) => w.text)
    .join(' / ');
}

/** The initials of a name for a placeholder: two Latin initials, or the first two CJK characters. */
export function initialsOf(name: string): string {
  const trimmed = name.trim();
  if (/^[\u3400-\u9fff]/.test(trimmed)) return [...trimmed].slice(0, 2).join('');
  const words = trimmed.split(/[\s·.\-_]+/).filter((w) => w.length > 0);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [trimmed.slice(0, 2)];
  return letters
    .map((w) => (w ?? '').slice(0, words.length > 1 ? 1 : 2))
    .join('')
    .toUpperCase();
}
