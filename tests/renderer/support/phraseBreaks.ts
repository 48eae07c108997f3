import { Parser, zhHansModel, zhHantModel } from 'budoux';
import type { Page } from 'playwright-core';
import { type PhraseModel, phraseModelOf } from '../../../src/renderer/text/phrases';

/**
 * One text as the page lays it out: its language and characters, the offsets (UTF-16) of the characters
 * that start a new line, each character's width, and the width of the line box it flows in (screen px).
 */
type LaidOut = Readonly<{
  lang: string;
  text: string;
  lineStarts: readonly number[];
  widths: readonly number[];
  lineWidth: number;
}>;

/**
 * Every visible text with a `lang` on the slide with `seq`, measured from each character's box
 * (Range.getClientRects): a character that sits lower than the one before by more than half its
 * height starts a line.
 */
async function laidOutTexts(page: Page, seq: number): Promise<LaidOut[]> {
  return page.evaluate((s) => {
    const layer = document.querySelector(`.layer[data-seq="${s}"]`);
    if (layer === null) return [];
    const out: LaidOut[] = [];
    for (const el of layer.querySelectorAll<HTMLElement>('[lang]')) {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      let block: HTMLElement | null = el;
      while (block !== null && getComputedStyle(block).display.startsWith('inline'))
        block = block.parentElement;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let text = '';
      const lineStarts: number[] = [];
      const widths: number[] = [];
      let prev: DOMRect | null = null;
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        if (node.parentElement?.closest('[lang]') !== el) continue;
        const data = node.textContent ?? '';
        const range = document.createRange();
        for (let i = 0; i < data.length; i++) {
          const code = data.charCodeAt(i);
          const span = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
          range.setStart(node, i);
          range.setEnd(node, i + span);
          const rect = [...range.getClientRects()].find((r) => r.width > 0 && r.height > 0);
          widths.push(rect?.width ?? 0);
          if (span === 2) widths.push(0);
          if (rect !== undefined && !/\s/.test(data[i] ?? '')) {
            if (prev !== null && rect.top > prev.top + prev.height / 2) lineStarts.push(text.length + i);
            prev = rect;
          }
          i += span - 1;
        }
        text += data;
      }
      const lineWidth = (block ?? el).getBoundingClientRect().width;
      out.push({ lang: el.lang, text, lineStarts, widths, lineWidth });
    }
    return out;
  }, seq);
}

const parsers: Record<PhraseModel, Parser> = {
  'zh-hans': new Parser(zhHansModel),
  'zh-hant': new Parser(zhHantModel),
};

/**
 * Whether a line may start at `at` in `text`: after white space or a hyphen, or at a boundary of
 * BudouX's phrases (its own parser, not the renderer's) that does not split a run of Latin letters or digits.
 */
function breakAllowed(text: string, at: number, boundaries: ReadonlySet<number>): boolean {
  const before = text.slice(0, at);
  if (/[\s\-‐–—/]$/.test(before)) return true;
  if (/[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(text.slice(at))) return false;
  return boundaries.has(at);
}

/**
 * The Chinese texts on the slide with `seq` that break a line inside a phrase, each named with the
 * break ("开发 Flink 应|用程序"); empty when every line ends between phrases. A phrase wider than its
 * whole line has to break somewhere and is not counted.
 */
export async function phraseBreakProblems(page: Page, seq: number): Promise<string[]> {
  const problems: string[] = [];
  for (const t of await laidOutTexts(page, seq)) {
    const model = phraseModelOf(t.lang);
    if (model === null || t.lineStarts.length === 0) continue;
    const boundaries = new Set(parsers[model].parseBoundaries(t.text));
    const allowed = (at: number): boolean =>
      at <= 0 || at >= t.text.length || breakAllowed(t.text, at, boundaries);
    for (const at of t.lineStarts) {
      if (allowed(at)) continue;
      let start = at - 1;
      while (!allowed(start)) start--;
      let end = at + 1;
      while (!allowed(end)) end++;
      const width = t.widths.slice(start, end).reduce((a, b) => a + b, 0);
      if (width > t.lineWidth) continue;
      const shown = `${t.text.slice(Math.max(0, at - 12), at)}|${t.text.slice(at, at + 12)}`;
      problems.push(`"${shown.replace(/\s+/g, ' ')}" (${t.lang}) breaks inside a phrase`);
    }
  }
  return problems;
}
