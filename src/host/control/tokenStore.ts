import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in the config folder that keeps the LAN control token. */
export const TOKEN_FILE = 'control-token';

/** The token and where it came from (only a generated one is printed at start). */
export type ControlToken = Readonly<{
  token: string;
  source: 'option' | 'env' | 'file' | 'generated';
  file: string | null;
}>;

/**
 * The LAN control token: `--control-token`, else MARQUEE_CONTROL_TOKEN, else the one stored in
 * `<configDir>/control-token`, else a new random one (24 bytes, base64url) stored there with mode 0600.
 */
export function resolveControlToken(
  configDir: string,
  explicit: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ControlToken {
  if (explicit !== undefined && explicit !== '')
    return { token: checked(explicit, '--control-token'), source: 'option', file: null };
  const fromEnv = env.MARQUEE_CONTROL_TOKEN;
  if (fromEnv !== undefined && fromEnv !== '')
    return { token: checked(fromEnv, 'MARQUEE_CONTROL_TOKEN'), source: 'env', file: null };
  const file = join(configDir, TOKEN_FILE);
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 16) return { token: stored, source: 'file', file };
  } catch {
    // Why: no file yet is the normal first start.
  }
  const token = randomBytes(24).toString('base64url');
  mkdirSync(configDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { token, source: 'generated', file };
}

/** Compares a presented token with the expected one in constant time (hashes of both, so lengths never leak). */
export function tokensMatch(presented: string | null | undefined, expected: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function checked(token: string, from: string): string {
  if (token.length < 16 || !/^[\x21-\x7e]+$/.test(token)) {
    throw new Error(`${from}: the control token must be at least 16 printable characters without spaces`);
  }
  return token;
}
