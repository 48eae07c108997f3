/** The languages of the staff remotes' own interfaces (the web remote, the fleet remote). */
export type Lang = 'zh' | 'en';

/** Chinese for a `zh*` language tag, else English. */
export function uiLanguage(languageTag: string | null | undefined): Lang {
  return (languageTag ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The document's language tag for `lang` (so the browser picks Chinese or Latin glyphs and hyphenation). */
export function documentLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
