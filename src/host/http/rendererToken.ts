import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RENDERER_TOKEN_PROTOCOL } from '../../core/channels/rendererToken';

/** The file in the config folder that keeps the renderer token of a show served to other machines. */
export const RENDERER_TOKEN_FILE = 'renderer-token';

const TOKEN_FORM = /^[A-Za-z0-9_-]{16,200}$/;

/**
 * The renderer token: the one stored in `<configDir>/renderer-token` (mode put back to 0600 when looser),
 * or a new random one (24 bytes, base64url) stored there. A stored file of another form is replaced.
 */
export function resolveRendererToken(configDir: string): Readonly<{ token: string; file: string }> {
  const file = join(configDir, RENDERER_TOKEN_FILE);
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (TOKEN_FORM.test(stored)) {
      chmodSync(file, 0o600);
      return { token: stored, file };
    }
  } catch {
    // Why: no file yet is the normal first start.
  }
  const token = randomBytes(24).toString('base64url');
  mkdirSync(configDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
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
