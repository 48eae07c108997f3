import { Parser, zhHansModel } from 'budoux';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commonModelOf,
  intlModelOf,
  phraseBreaks,
  phraseModelOf,
  phrasesOf,
} from '../../../src/renderer/text/phrases';

const budoux = new Parser(zhHansModel);

/** Chinese words, Latin names and separators as titles mix them. */
const piece = fc.constantFrom(
  '开发',
  '应用程序',
  '城市',
  '举办',
  '大数据',
  '性能调优',
  '实时计算',
  '与',
  '的',
  '，',
  '。',
  '：',
  ' ',
  ' · ',
  'Flink',
  'Apache Flink',
  'StreamSQL',
  'Exactly-once',
  '2018',
  '12 月',
  '𠮷',
);
const title = fc.array(piece, { maxLength: 12 }).map((ps) => ps.join(''));

describe('phraseModelOf', () => {
  it('picks the Simplified or Traditional model by the script the language code implies', () => {
    expect(
      ['zh', 'zh-CN', 'zh-Hans', 'zh-SG', 'zh-TW', 'zh-HK', 'zh-Hant', 'zh-Hant-TW'].map(phraseModelOf),
    ).toEqual(['zh-hans', 'zh-hans', 'zh-hans', 'zh-hans', 'zh-hant', 'zh-hant', 'zh-hant', 'zh-hant']);
  });

  it('needs no model for languages that break between words, nor for a code it cannot read', () => {
    expect(['en', 'pt-BR', 'ja', 'ko', 'x'].map(phraseModelOf)).toEqual([null, null, null, null, null]);
  });
});

describe('commonModelOf', () => {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
  const subtag = (min: number, max: number) =>
    fc.array(fc.constantFrom(...letters), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
  const digits = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));
  const language = fc.oneof(fc.constantFrom('zh', 'ZH', 'Zh', 'cmn', 'zho', 'yue', 'en', 'ja'), subtag(2, 3));
  const script = fc.oneof(fc.constantFrom('Hans', 'Hant', 'hant', 'HANS', 'Latn'), subtag(4, 4));
  const region = fc.oneof(
    fc.constantFrom('CN', 'SG', 'TW', 'HK', 'MO', 'US', 'AU', 'MY', 'cn', 'tw', '419'),
    subtag(2, 2),
    digits,
  );
  const tag = fc
    .tuple(language, fc.option(script), fc.option(region), fc.constantFrom('', '-u-nu-hanidec', '-x'))
    .map(([l, s, r, tail]) => [l, s, r].filter((p) => p !== null).join('-') + tail);

  it('agrees with ICU on every code it reads, and leaves the rest to it', () => {
    fc.assert(
      fc.property(tag, (t) => {
        const common = commonModelOf(t);
        return common === undefined || common === intlModelOf(t);
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees with ICU on every two-letter language, alone and with a region', () => {
    const codes = letters.slice(0, 26).flatMap((a) => letters.slice(0, 26).map((b) => a + b));
    const tags = codes.flatMap((c) => [c, `${c}-CN`, `${c}-TW`, `${c}-US`, `${c}-HK`]);
    const disagree = tags.filter((t) => {
      const common = commonModelOf(t);
      return common !== undefined && common !== intlModelOf(t);
    });
    expect(disagree).toEqual([]);
    expect(tags.filter((t) => !/^zh/i.test(t) && commonModelOf(t) === undefined)).toEqual([]);
  });

  it('reads the Chinese codes kiosks are given without ICU', () => {
    const codes = [
      'zh',
      'zh-CN',
      'zh-SG',
      'zh-Hans',
      'zh-Hans-CN',
      'zh-TW',
      'zh-HK',
      'zh-MO',
      'zh-Hant',
      'zh-Hant-TW',
    ];
    expect(codes.map(commonModelOf)).toEqual([
      'zh-hans',
      'zh-hans',
      'zh-hans',
      'zh-hans',
      'zh-hans',
      'zh-hant',
      'zh-hant',
      'zh-hant',
      'zh-hant',
      'zh-hant',
    ]);
    expect(['en', 'en-GB', 'pt-BR', 'ja', 'ko'].map(commonModelOf)).toEqual([null, null, null, null, null]);
  });

  it('leaves to ICU the codes whose script only its data knows', () => {
    expect(['zh-US', 'zh-MY', 'cmn', 'yue-HK', 'zh-Latn', 'x'].map(commonModelOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(['zh-US', 'zh-MY', 'cmn'].map(phraseModelOf)).toEqual(['zh-hant', 'zh-hans', 'zh-hans']);
  });
});

describe('phrasesOf', () => {
  it('keeps the words the demo broke whole', () => {
    const whole = (text: string, word: string): boolean =>
      (phrasesOf(text, 'zh') ?? []).some((p) => p.includes(word));
    expect(whole('入门：开发 Flink 应用程序与 Flink SQL', '应用')).toBe(true);
    expect(whole('首次在柏林、旧金山之外的城市举办。', '城市')).toBe(true);
    expect(whole('Flink 开发与性能调优', '开发')).toBe(true);
    expect(whole('大数据技术负责人', '数据')).toBe(true);
  });

  it('leaves other languages alone', () => {
    expect(phrasesOf('Developing Flink applications', 'en')).toBeNull();
  });

  it('gives the same phrases again without segmenting again', () => {
    const text = 'Flink 在阿里巴巴云计算业务中的探索与应用';
    expect(phrasesOf(text, 'zh')).toBe(phrasesOf(text, 'zh'));
  });

  it('cuts a text into phrases that join back to it, none empty', () => {
    fc.assert(
      fc.property(title, (text) => {
        const phrases = phrasesOf(text, 'zh') ?? [];
        expect(phrases.join('')).toBe(text);
        if (text.length > 0) expect(phrases.every((p) => p.length > 0)).toBe(true);
      }),
    );
  });

  it('breaks only where BudouX ends a phrase, never inside a Latin word or a surrogate pair', () => {
    fc.assert(
      fc.property(title, (text) => {
        const budouxBreaks = new Set(budoux.parseBoundaries(text));
        for (const at of phraseBreaks(text, 'zh-hans')) {
          expect(budouxBreaks.has(at)).toBe(true);
          expect(/[A-Za-z0-9]$/.test(text.slice(0, at)) && /^[A-Za-z0-9]/.test(text.slice(at))).toBe(false);
          expect(/^[\udc00-\udfff]/.test(text.slice(at))).toBe(false);
        }
      }),
    );
  });
});
