import { execFile } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** Runs `bin/marquee.mjs` with `args` in a child process and collects its exit code and output. */
export function runMarquee(
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin', 'marquee.mjs'), ...args],
      { env: { ...process.env, LANG: 'en_US.UTF-8' }, timeout: 90_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 99) : 0, stdout, stderr }),
    );
  });
}
