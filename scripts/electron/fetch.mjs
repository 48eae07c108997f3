// Runs Electron's own installer (node_modules/electron/install.js, i.e. @electron/get) as a child process, so
// ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR, electron_config_cache, electron_use_remote_checksums, the proxy variables
// and .npmrc settings work exactly as Electron documents them. reporter.cjs tells this side what the installer
// is doing; the installer is ended when it stays silent longer than its phase allows, so a server that accepts
// and never answers cannot hang `npm start`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  describeFetchFailure,
  FetchEvent,
  INITIAL_FETCH_STATE,
  nextFetchState,
  silenceLimitMs,
} from './fetchState.mjs';

const REPORTER = join(import.meta.dirname, 'reporter.cjs');
/** The child's fd that reporter.cjs writes to. */
const REPORT_FD = 3;

/**
 * @typedef {Readonly<{ ok: true }> | Readonly<{ ok: false, url: string | null, what: string }>} FetchOutcome
 */

/**
 * Fetches the Electron binary into `packageDir` (the installed `electron` package) with its installer.
 * @param {Readonly<{
 *   packageDir: string,
 *   env: Readonly<Record<string, string | undefined>>,
 *   limits: import('./fetchState.mjs').FetchLimits,
 *   onEvent?: (event: FetchEvent) => void,
 * }>} options
 * @returns {Promise<FetchOutcome>}
 */
export function fetchElectron({ packageDir, env, limits, onEvent }) {
  // Why: @electron/get downloads into a folder under the OS temp dir and leaves it behind when it is killed;
  // a private TMPDIR is removed afterwards whatever happened.
  const scratch = mkdtempSync(join(tmpdir(), 'marquee-electron-fetch-'));
  const child = spawn(process.execPath, ['--require', REPORTER, join(packageDir, 'install.js')], {
    cwd: packageDir,
    env: { ...env, TMPDIR: scratch, TMP: scratch, TEMP: scratch, MARQUEE_FETCH_REPORT_FD: String(REPORT_FD) },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let state = INITIAL_FETCH_STATE;
  let output = '';
  /** @type {number | null} */
  let timedOutAfterMs = null;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const arm = () => {
    clearTimeout(timer);
    const limit = silenceLimitMs(state, limits);
    timer = setTimeout(() => {
      timedOutAfterMs = limit;
      child.kill('SIGKILL');
    }, limit);
  };
  arm();
  const collect = (/** @type {Buffer} */ chunk) => {
    // Why: the installer prints a stack trace on failure; only its first line is ever shown.
    if (output.length < 64_000) output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const reports = child.stdio[REPORT_FD];
  if (reports && 'on' in reports) {
    createInterface({ input: /** @type {NodeJS.ReadableStream} */ (reports) }).on('line', (line) => {
      const parsed = parseEvent(line);
      if (parsed === null) return;
      state = nextFetchState(state, parsed);
      onEvent?.(parsed);
      arm();
    });
  }
  return new Promise((resolve) => {
    /** @param {FetchOutcome} outcome */
    const finish = (outcome) => {
      clearTimeout(timer);
      rmSync(scratch, { recursive: true, force: true });
      resolve(outcome);
    };
    child.on('error', (err) =>
      finish({ ok: false, url: null, what: `Electron's installer did not run: ${err.message}` }),
    );
    child.on('close', (code) => {
      if (code === 0 && timedOutAfterMs === null) finish({ ok: true });
      else
        finish({ ok: false, ...describeFetchFailure(state, { timedOutAfterMs, installerOutput: output }) });
    });
  });
}

/**
 * @param {string} line
 * @returns {FetchEvent | null}
 */
function parseEvent(line) {
  try {
    const parsed = FetchEvent.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
