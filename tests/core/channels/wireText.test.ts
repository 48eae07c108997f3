import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WireText } from '../../../src/core/channels/wireText';
import { Text } from '../../../src/core/playlist/fields';

const key = fc.oneof(
  fc.constantFrom('zh', 'en', 'pt-BR', 'zh-Hans', 'EN', 'e', '', 'toolongcode'),
  fc.string(),
);
const text = fc.oneof(
  fc.constantFrom('', 'a', '签到与入场', 'x'.repeat(2000), 'x'.repeat(2001)),
  fc.string({ maxLength: 30 }),
);
const value = fc.oneof(
  text,
  fc.dictionary(key, text, { maxKeys: 3 }),
  fc.dictionary(key, fc.oneof(fc.integer(), fc.constant(null)), { maxKeys: 2 }),
  fc.integer(),
  fc.constant(null),
  fc.array(text, { maxLength: 2 }),
);

describe('WireText (the zod/mini Text of the contracts)', () => {
  it('accepts exactly what the playlist Text accepts', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(WireText.safeParse(v).success).toBe(Text.safeParse(v).success);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses an empty string, an empty record and a key that is not a language code', () => {
    expect(WireText.safeParse('').success).toBe(false);
    expect(WireText.safeParse({}).success).toBe(false);
    expect(WireText.safeParse({ Chinese: '签到' }).success).toBe(false);
    expect(WireText.safeParse({ zh: '签到', en: 'Registration' }).success).toBe(true);
  });
});
