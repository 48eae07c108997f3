import { createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isFleetName } from '../../core/channels/fleetTopics';
import type { Principal } from '../../core/hub/topicAcl';
import { tokensMatch } from '../control/tokenStore';

/** The file in the hub folder that keeps the broker's credentials (mode 0600). */
export const BROKER_CREDENTIALS_FILE = 'broker-credentials.json';

/** The user name the hub (and staff tools) connect with. */
export const STAFF_USERNAME = 'marquee-hub';

const Stored = z.strictObject({
  version: z.literal(1),
  staffPassword: z.string().min(24),
  screenSecret: z.string().min(24),
});

/** The broker's credentials: the staff password and the secret every screen's password derives from. */
export type BrokerCredentials = Readonly<{
  staff: Readonly<{ username: string; password: string }>;
  screenSecret: string;
  file: string;
  generated: boolean;
}>;

/**
 * The credentials stored in `<dir>/broker-credentials.json`, or new random ones written there with
 * mode 0600 on the first start. A damaged file is an error naming it (never silently replaced: the
 * screens' passwords derive from it).
 */
export function loadOrCreateBrokerCredentials(dir: string): BrokerCredentials {
  const file = join(dir, BROKER_CREDENTIALS_FILE);
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (text !== null) {
    const parsed = Stored.safeParse(safeJson(text));
    if (!parsed.success) {
      throw new Error(
        `${file}: not a Marquee broker credentials file (${parsed.error.issues[0]?.message ?? 'bad JSON'}); restore it from a backup, or delete it to make new credentials (every screen then needs its new password)`,
      );
    }
    return credentialsOf(parsed.data, file, false);
  }
  const stored: z.infer<typeof Stored> = {
    version: 1,
    staffPassword: randomBytes(24).toString('base64url'),
    screenSecret: randomBytes(32).toString('base64url'),
  };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(stored, null, 1)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return credentialsOf(stored, file, true);
}

/** The password of screen `screen` (an HMAC of its name under the screen secret: per screen, never stored). */
export function screenPassword(credentials: BrokerCredentials, screen: string): string {
  return createHmac('sha256', credentials.screenSecret).update(`screen:${screen}`).digest('base64url');
}

/** Who a user name and password belong to, or null when they match nobody. */
export function principalOf(
  credentials: BrokerCredentials,
  username: string | undefined,
  password: string | undefined,
): Principal | null {
  if (username === undefined || password === undefined) return null;
  if (username === credentials.staff.username) {
    return tokensMatch(password, credentials.staff.password) ? { kind: 'staff' } : null;
  }
  if (!isFleetName(username)) return null;
  return tokensMatch(password, screenPassword(credentials, username))
    ? { kind: 'screen', screen: username }
    : null;
}

/** One line of a Mosquitto password file (`user:$7$…`, PBKDF2-SHA512 as `mosquitto_passwd` writes it). */
export function mosquittoPasswordLine(username: string, password: string, salt = randomBytes(12)): string {
  const iterations = 101;
  const hash = pbkdf2Sync(password, salt, iterations, 64, 'sha512');
  return `${username}:$7$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

function credentialsOf(stored: z.infer<typeof Stored>, file: string, generated: boolean): BrokerCredentials {
  return {
    staff: { username: STAFF_USERNAME, password: stored.staffPassword },
    screenSecret: stored.screenSecret,
    file,
    generated,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
