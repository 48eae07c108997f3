import type { Text } from '../core/playlist/types';
import type { Lang } from './lang';

/**
 * A playlist text in the interface's language: its own entry, then the regional code (zh-CN, en-US), English,
 * Chinese, whatever it has; '' for none.
 */
export function textIn(text: Text | null | undefined, lang: Lang): string {
  if (text === null || text === undefined) return '';
  if (typeof text === 'string') return text;
  return (
    text[lang] ??
    text[lang === 'zh' ? 'zh-CN' : 'en-US'] ??
    text.en ??
    text.zh ??
    Object.values(text)[0] ??
    ''
  );
}
