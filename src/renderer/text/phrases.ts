import { Parser, zhHansModel, zhHantModel } from 'budoux';

/** Which BudouX model segments a language: Simplified or Traditional Chinese. */
export type PhraseModel = 'zh-hans' | 'zh-hant';

/** How many segmented texts are remembered; a playlist has a few hundred, announcements add a few. */
const CACHE_SIZE = 2_000;

const modelOfLang = new Map<string, PhraseModel | null>();
const parsers = new Map<PhraseModel, Parser>();
const cache = new Map<string, readonly string[]>();
let words: Intl.Segmenter | undefined;

/**
 * The phrase model for a language code, by the script it implies (`zh`, `zh-CN` → Simplified;
 * `zh-TW`, `zh-HK`, `zh-Hant` → Traditional), or null for a language whose lines break between words anyway.
 */
export function phraseModelOf(lang: string): PhraseModel | null {
  const known = modelOfLang.get(lang);
  if (known !== undefined) return known;
  const common = commonModelOf(lang);
  const model = common === undefined ? intlModelOf(lang) : common;
  modelOfLang.set(lang, model);
  return model;
}

const SIMPLIFIED_REGION = /^zh(?:-(?:cn|sg))?$/i;
const TRADITIONAL_REGION = /^zh-(?:tw|hk|mo)$/i;
const EXPLICIT_SCRIPT = /^zh-(hans|hant)(?:-(?:[a-z]{2}|\d{3}))?$/i;
const OTHER_LANGUAGE = /^(?!zh)[a-z]{2}(?:-[a-z]{2})?$/i;

/**
 * The model of the codes playlists use most, read from the code itself, or undefined for any other code.
 * Why: the page's first `Intl.Locale#maximize` loads ICU locale data on top of what the word segmenter loads,
 * 5–10 ms of main-thread CPU before the first slide; these codes imply their script plainly (no two-letter
 * language is an alias of `zh`), so they need none of it. Tests hold this path to ICU's answers.
 */
export function commonModelOf(lang: string): PhraseModel | null | undefined {
  if (SIMPLIFIED_REGION.test(lang)) return 'zh-hans';
  if (TRADITIONAL_REGION.test(lang)) return 'zh-hant';
  const script = EXPLICIT_SCRIPT.exec(lang)?.[1];
  if (script !== undefined) return script.toLowerCase() === 'hant' ? 'zh-hant' : 'zh-hans';
  return OTHER_LANGUAGE.test(lang) ? null : undefined;
}

/** The model by the script ICU's likely subtags give the code (`zh-US` → Traditional), or null for an unreadable code. */
export function intlModelOf(lang: string): PhraseModel | null {
  try {
    const locale = new Intl.Locale(lang).maximize();
    if (locale.language !== 'zh') return null;
    return locale.script === 'Hant' ? 'zh-hant' : 'zh-hans';
  } catch {
    return null;
  }
}

function parserFor(model: PhraseModel): Parser {
  let parser = parsers.get(model);
  if (parser === undefined) {
    parser = new Parser(model === 'zh-hant' ? zhHantModel : zhHansModel);
    parsers.set(model, parser);
  }
  return parser;
}

/**
 * Where a line may break in `text`: BudouX's phrase boundaries, kept only where the word segmenter
 * (ICU, through `Intl.Segmenter`) also ends a word.
 * Why: BudouX alone splits some words ("大数|据") and Latin names inside Chinese ("Flin|k"); ICU's
 * dictionary alone splits phrases ("应用|程序" is right, "开发|与" too fine); a break both agree on is safe.
 */
export function phraseBreaks(text: string, model: PhraseModel): readonly number[] {
  const phrase = parserFor(model).parseBoundaries(text);
  if (phrase.length === 0) return phrase;
  words ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const wordStarts = new Set<number>();
  for (const s of words.segment(text)) wordStarts.add(s.index);
  return phrase.filter((i) => wordStarts.has(i));
}

/**
 * `text` cut into the phrases a line may break between, or null when `lang` needs no phrase breaking.
 * Memoized per language model and text, so a slide shown again costs a map lookup.
 */
export function phrasesOf(text: string, lang: string): readonly string[] | null {
  const model = phraseModelOf(lang);
  if (model === null) return null;
  const key = `${model}\n${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const phrases: string[] = [];
  let start = 0;
  for (const end of phraseBreaks(text, model)) {
    phrases.push(text.slice(start, end));
    start = end;
  }
  phrases.push(text.slice(start));
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(key, phrases);
  return phrases;
}
