import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/core/control/replies';
import { ERROR_WORDS } from '../../src/remote-shared/errorWords';

const han = /\p{Script=Han}/u;

describe('the staff remotes’ words for the error codes', () => {
  it.each(ERROR_CODES)('says %s in Chinese and in English, each a sentence of its own', (code) => {
    const zh = ERROR_WORDS.zh[code] ?? '';
    const en = ERROR_WORDS.en[code] ?? '';
    expect(zh).toMatch(han);
    expect(zh).toMatch(/[。！]$/u);
    expect(en).not.toMatch(han);
    expect(en).toMatch(/^[A-Z].*\.$/);
  });

  it('has words for exactly the codes of the contract, and no two codes share a sentence', () => {
    for (const words of [ERROR_WORDS.zh, ERROR_WORDS.en]) {
      expect(Object.keys(words).sort()).toEqual([...ERROR_CODES].sort());
      expect(new Set(Object.values(words)).size).toBe(ERROR_CODES.length);
    }
  });
});
