import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RENDERER_TOKEN_PROTOCOL } from '../../core/channels/rendererToken';
import { checkPrivateFile, writePrivateFile } from '../state/privateFile';

/** The file in the config folder that keeps the renderer token of a show served to other machines. */
export const RENDERER_TOKEN_FILE = 'renderer-token';

const TOKEN_FORM = /^[A-Za-z0-9_-]{16,200}$/;

/**
 * The renderer token: the one stored in `<configDir>/renderer-token`, or a new random one (24 bytes, base64url)
 * stored there atomically with mode 0600. The stored file is checked as the control token's is (never through a
 * link, ours, put back to 0600 when looser: throws with the fix otherwise); one of another form is replaced.
 */
export function resolveRendererToken(configDir: string): Readonly<{ token: string; file: string }> {
  const file = join(configDir, RENDERER_TOKEN_FILE);
  if (checkPrivateFile(file, '; Marquee writes a new one at the next start') !== null) {
    const stored = readFileSync(file, 'utf8').trim();
    if (TOKEN_FORM.test(stored)) return { token: stored, file };
  }
  const token = randomBytes(24).toString('base64url');
  writePrivateFile(configDir, file, `${token}\n`);
  return { token, file };
}

/** The renderer token a WebSocket upgrade presents in `Sec-WebSocket-Protocol`, or null. */
export function presentedRendererToken(protocolHeader: string | undefined): string | null {
  for (const protocol of (protocolHeader ?? '').split(',')) {
    const p = protocol.trim();
    if (p.startsWith(RENDERER_TOKEN_PROTOCOL)) return p.slice(RENDERER_TOKEN_PROTOCOL.length);
  }
  return null;
}
