import { type ChildProcess, spawn } from 'node:child_process';

/** An Xvfb server of the test's own: its display (`:N`) and process. */
export type Xvfb = Readonly<{ display: string; process: ChildProcess; stop: () => void }>;

/**
 * Starts Xvfb at `size` on a display it chose itself (`-displayfd`: the first free number, written back once it
 * listens), so parallel test files and a stale socket of an earlier run never share or reuse a display.
 * Rejects when Xvfb exits or names no display within 10 s.
 */
export function startXvfb(size = '1280x720x24'): Promise<Xvfb> {
  const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', size, '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const fail = (message: string): void => {
      clearTimeout(timer);
      xvfb.kill('SIGKILL');
      reject(new Error(message));
    };
    const timer = setTimeout(() => fail('Xvfb named no display within 10 s'), 10_000);
    xvfb.once('error', (err) => fail(`Xvfb could not start: ${err.message} (apt-get install xvfb)`));
    xvfb.once('exit', (code, signal) => fail(`Xvfb exited (${code ?? signal}) before naming its display`));
    xvfb.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const number = /^(\d+)\n/.exec(out)?.[1];
      if (number === undefined) return;
      clearTimeout(timer);
      xvfb.removeAllListeners('exit');
      resolve({ display: `:${number}`, process: xvfb, stop: () => xvfb.kill('SIGTERM') });
    });
  });
}
