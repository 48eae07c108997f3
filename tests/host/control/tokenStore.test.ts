import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveControlToken, TOKEN_FILE, tokensMatch } from '../../../src/host/control/tokenStore';
import { tempFoldersPerTest } from '../../support/tempFolders';

const temp = tempFoldersPerTest('marquee-token-');

describe('control token', () => {
  it('generates a random token on first start, stores it 0600, and reuses it afterwards', () => {
    const dir = join(temp(), 'config');
    const first = resolveControlToken(dir, undefined, {});
    expect(first.source).toBe('generated');
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(statSync(join(dir, TOKEN_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, TOKEN_FILE), 'utf8').trim()).toBe(first.token);
    const second = resolveControlToken(dir, undefined, {});
    expect(second).toMatchObject({ token: first.token, source: 'file' });
    expect(resolveControlToken(temp(), undefined, {}).token).not.toBe(first.token);
  });

  it('prefers --control-token, then MARQUEE_CONTROL_TOKEN', () => {
    const dir = temp();
    expect(
      resolveControlToken(dir, 'explicit-token-12345', { MARQUEE_CONTROL_TOKEN: 'env-token-123456' }),
    ).toMatchObject({
      token: 'explicit-token-12345',
      source: 'option',
    });
    expect(resolveControlToken(dir, undefined, { MARQUEE_CONTROL_TOKEN: 'env-token-123456' }).source).toBe(
      'env',
    );
    expect(() => resolveControlToken(dir, 'short', {})).toThrow(/at least 16/);
  });

  it('matches only the exact token', () => {
    expect(tokensMatch('abcdefghijklmnop', 'abcdefghijklmnop')).toBe(true);
    expect(tokensMatch('abcdefghijklmnoq', 'abcdefghijklmnop')).toBe(false);
    expect(tokensMatch('abc', 'abcdefghijklmnop')).toBe(false);
    expect(tokensMatch(null, 'abcdefghijklmnop')).toBe(false);
    expect(tokensMatch('', 'abcdefghijklmnop')).toBe(false);
  });
});
