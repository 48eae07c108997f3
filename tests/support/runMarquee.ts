import { execFile } from 'node:child_process';
import { MARQUEE_BIN } from './cliBuild';

/** Runs `bin/marquee.mjs` (the CLI bundle, as users do) with `args` in a child process and collects its exit code and output. */
export function runMarquee(
  args: readonly string[],
  options: Readonly<{ env?: Readonly<Record<string, string>> }> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [MARQUEE_BIN, ...args],
      { env: { ...process.env, LANG: 'en_US.UTF-8', ...options.env }, timeout: 90_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 99) : 0, stdout, stderr }),
    );
  });
}
