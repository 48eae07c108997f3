import { pbkdf2Sync } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BROKER_CREDENTIALS_FILE,
  loadOrCreateBrokerCredentials,
  mosquittoPasswordLine,
  principalOf,
  screenPassword,
} from '../../../src/host/hub/brokerCredentials';
import { tempFoldersPerTest } from '../../support/tempFolders';

const temp = tempFoldersPerTest('marquee-creds-');

describe('broker credentials', () => {
  it('are generated on first start with mode 0600 and read back afterwards', () => {
    const dir = join(temp(), 'hub');
    const first = loadOrCreateBrokerCredentials(dir);
    expect(first.generated).toBe(true);
    expect(statSync(join(dir, BROKER_CREDENTIALS_FILE)).mode & 0o777).toBe(0o600);
    const again = loadOrCreateBrokerCredentials(dir);
    expect(again).toMatchObject({ generated: false, staff: first.staff, screenSecret: first.screenSecret });
    expect(loadOrCreateBrokerCredentials(temp()).staff.password).not.toBe(first.staff.password);
  });

  it('name a damaged file and the fix instead of replacing it', () => {
    const dir = temp();
    writeFileSync(join(dir, BROKER_CREDENTIALS_FILE), '{"version":1}');
    expect(() => loadOrCreateBrokerCredentials(dir)).toThrow(
      /broker-credentials\.json: .*delete it to make new credentials/,
    );
  });

  it('tell staff from a screen, and a screen only by its own password', () => {
    const creds = loadOrCreateBrokerCredentials(temp());
    expect(principalOf(creds, creds.staff.username, creds.staff.password)).toEqual({ kind: 'staff' });
    expect(principalOf(creds, 'lobby', screenPassword(creds, 'lobby'))).toEqual({
      kind: 'screen',
      screen: 'lobby',
    });
    expect(principalOf(creds, 'lobby', screenPassword(creds, 'booth-1'))).toBeNull();
    expect(principalOf(creds, creds.staff.username, screenPassword(creds, creds.staff.username))).toBeNull();
    expect(principalOf(creds, 'a/b', screenPassword(creds, 'a/b'))).toBeNull();
    expect(principalOf(creds, undefined, undefined)).toBeNull();
  });

  it('write Mosquitto password lines that PBKDF2-SHA512 verifies as mosquitto_passwd does', () => {
    const line = mosquittoPasswordLine('lobby', 'secret-password');
    const [user, hash] = line.split(':');
    const [, seven, iterations, salt, digest] = (hash ?? '').split('$');
    expect([user, seven, iterations]).toEqual(['lobby', '7', '101']);
    const again = pbkdf2Sync('secret-password', Buffer.from(salt ?? '', 'base64'), 101, 64, 'sha512');
    expect(again.toString('base64')).toBe(digest);
  });
});
