import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPrivateFile, writePrivateFile } from '../state/privateFile';

/** The file in the config folder that keeps the LAN control token. */
export const TOKEN_FILE = 'control-token';

/** The token and where it came from (only a generated one is printed at start). */
export type ControlToken = Readonly<{
  token: string;
  source: 'option' | 'env' | 'file' | 'generated';
  file: string | null;
  /** What was fixed on the way (a stored file readable by others made 0600), for the log. */
  notes: readonly string[];
}>;

/**
 * The LAN control token: `--control-token`, else MARQUEE_CONTROL_TOKEN, else the one stored in
 * `<configDir>/control-token`, else a new random one (24 bytes, base64url) stored there with mode 0600.
 * A stored file readable by others is made 0600; one that is not ours, not a file, or holds no valid
 * token is refused with the fix (throws).
 */
export function resolveControlToken(
  configDir: string,
  explicit: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ControlToken {
  if (explicit !== undefined && explicit !== '')
    return { token: checked(explicit, '--control-token'), source: 'option', file: null, notes: [] };
  const fromEnv = env.MARQUEE_CONTROL_TOKEN;
  if (fromEnv !== undefined && fromEnv !== '')
    return { token: checked(fromEnv, 'MARQUEE_CONTROL_TOKEN'), source: 'env', file: null, notes: [] };
  const file = join(configDir, TOKEN_FILE);
  const stored = readStoredToken(file);
  if (stored !== null) return { token: stored.token, source: 'file', file, notes: stored.notes };
  return { ...writeNewToken(configDir), source: 'generated' };
}

/** Writes a new random token to `<configDir>/control-token` (atomically, 0600), replacing the old one. */
export function rotateControlToken(configDir: string): ControlToken {
  return { ...writeNewToken(configDir), source: 'generated' };
}

/** The token stored in `file` (made 0600 when it was looser), null when there is none, or throws with the fix. */
export function readStoredToken(file: string): Readonly<{ token: string; notes: string[] }> | null {
  const rotate = 'run `marquee token rotate` to write a new one';
  const notes = checkPrivateFile(file, `, or ${rotate}`);
  if (notes === null) return null;
  const text = readFileSync(file, 'utf8').trim();
  if (text === '') return null;
  return { token: checked(text, file, `; ${rotate}`), notes };
}

function writeNewToken(
  configDir: string,
): Readonly<{ token: string; file: string; notes: readonly string[] }> {
  const token = randomBytes(24).toString('base64url');
  const file = join(configDir, TOKEN_FILE);
  writePrivateFile(configDir, file, `${token}\n`);
  return { token, file, notes: [] };
}

/** Compares a presented token with the expected one in constant time (hashes of both, so lengths never leak). */
export function tokensMatch(presented: string | null | undefined, expected: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function checked(token: string, from: string, fix = ''): string {
  if (token.length < 16 || !/^[\x21-\x7e]+$/.test(token)) {
    throw new Error(
      `${from}: the control token must be at least 16 printable characters without spaces${fix}`,
    );
  }
  return token;
}
