import { chmodSync, chownSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_TOKEN_FILE, resolveRendererToken } from '../../../src/host/http/rendererToken';
import { tempFoldersPerTest } from '../../support/tempFolders';

const temp = tempFoldersPerTest('marquee-renderer-token-');

const STORED = 'stored-renderer-token-0123456789';

describe('renderer token file', () => {
  it('makes a random token on first start, stores it 0600 in a 0700 folder, and reuses it afterwards', () => {
    const dir = join(temp(), 'config');
    const first = resolveRendererToken(dir);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(first.file).toBe(join(dir, RENDERER_TOKEN_FILE));
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readFileSync(first.file, 'utf8')).toBe(`${first.token}\n`);
    expect(resolveRendererToken(dir).token).toBe(first.token);
    expect(resolveRendererToken(temp()).token).not.toBe(first.token);
  });

  it('keeps a stored token readable by others, and makes its file 0600', () => {
    const dir = temp();
    writeFileSync(join(dir, RENDERER_TOKEN_FILE), `${STORED}\n`, { mode: 0o644 });
    chmodSync(join(dir, RENDERER_TOKEN_FILE), 0o644);
    expect(resolveRendererToken(dir).token).toBe(STORED);
    expect(statSync(join(dir, RENDERER_TOKEN_FILE)).mode & 0o777).toBe(0o600);
  });

  it('replaces a stored file that holds no token of the right form', () => {
    const dir = temp();
    writeFileSync(join(dir, RENDERER_TOKEN_FILE), 'short\n', { mode: 0o600 });
    const { token } = resolveRendererToken(dir);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(readFileSync(join(dir, RENDERER_TOKEN_FILE), 'utf8')).toBe(`${token}\n`);
  });

  it('refuses a link planted at the token path, naming it and the fix, and neither reads, chmods nor overwrites what it points to', () => {
    const dir = temp();
    const victim = join(temp(), 'someone-elses-file');
    writeFileSync(victim, 'keep me\n', { mode: 0o640 });
    chmodSync(victim, 0o640);
    symlinkSync(victim, join(dir, RENDERER_TOKEN_FILE));
    expect(() => resolveRendererToken(dir)).toThrow(
      `${join(dir, RENDERER_TOKEN_FILE)} is not a plain file (a link or a folder?): remove it`,
    );
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
    expect(statSync(victim).mode & 0o777).toBe(0o640);

    writeFileSync(victim, `${STORED}\n`);
    expect(() => resolveRendererToken(dir)).toThrow('is not a plain file');
    expect(statSync(victim).mode & 0o777).toBe(0o640);
  });

  it('refuses a folder at the token path', () => {
    const dir = temp();
    mkdirSync(join(dir, RENDERER_TOKEN_FILE));
    expect(() => resolveRendererToken(dir)).toThrow('is not a plain file');
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() !== 0)(
    'refuses a token file that belongs to another user',
    () => {
      const dir = temp();
      const file = join(dir, RENDERER_TOKEN_FILE);
      writeFileSync(file, `${STORED}\n`, { mode: 0o600 });
      chownSync(file, 4242, 4242);
      expect(() => resolveRendererToken(dir)).toThrow(
        `${file} belongs to another user (uid 4242): remove it`,
      );
      expect(readFileSync(file, 'utf8')).toBe(`${STORED}\n`);
    },
  );
});
