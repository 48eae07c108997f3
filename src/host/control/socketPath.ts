import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Windows named pipe of the control channel. */
export const WINDOWS_PIPE = '\\\\.\\pipe\\marquee-control';

/**
 * Where the local control socket lives: `$XDG_RUNTIME_DIR/marquee/control.sock`, else
 * `<tmpdir>/marquee-<uid>/control.sock`; on Windows the named pipe `\\.\pipe\marquee-control`.
 */
export function defaultSocketPath(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  uid: number = process.getuid?.() ?? 0,
  tmp: string = tmpdir(),
): string {
  if (platform === 'win32') return WINDOWS_PIPE;
  const runtime = env.XDG_RUNTIME_DIR;
  if (runtime) return join(runtime, 'marquee', 'control.sock');
  return join(tmp, `marquee-${uid}`, 'control.sock');
}

/** Whether a control address is a Windows named pipe (no folder or file to manage). */
export function isNamedPipe(path: string): boolean {
  return path.startsWith('\\\\.\\pipe\\') || path.startsWith('\\\\?\\pipe\\');
}
