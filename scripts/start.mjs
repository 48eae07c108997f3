// `npm start`: runs the Electron kiosk (on the bundled demo unless told otherwise). Downloads the Electron binary
// with Electron's own installer the first time, builds first when dist/ is stale, then starts
// `dist/electron/main.cjs`. Extra arguments pass through: `npm start -- --windowed --display all`.
// Plain JavaScript on purpose: it runs on Node alone, before anything is built.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fetchElectron } from './electron/fetch.mjs';
import { fetchLimits } from './electron/fetchState.mjs';
import { electronPackageDir, locateElectron } from './electron/locate.mjs';
import {
  cannotStartMessage,
  fetchedMessage,
  fetchFailedMessage,
  fetchingMessage,
  nodeTooOld,
} from './electron/messages.mjs';
import { progressPrinter } from './electron/progress.mjs';

const root = join(import.meta.dirname, '..');
const main = join(root, 'dist', 'electron', 'main.cjs');

const oldNode = nodeTooOld(process.versions.node);
if (oldNode !== null) fail(oldNode, 1);

const electron = await ensureElectron();

if (isStale()) {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const env = { ...process.env };
// Why: set by some tools (and by Electron itself for helpers); it would make Electron behave as plain Node.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron, [main, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
  process.on(signal, () => child.kill(signal));
child.on('error', (err) => fail(cannotStartMessage(err.message), 1));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

/**
 * The Electron executable, downloaded first when it is missing; exits with the message when it cannot be had.
 * @returns {Promise<string>}
 */
async function ensureElectron() {
  const found = locateElectron(root);
  if (found.ok) return found.path;
  const packageDir = electronPackageDir(root);
  if (!found.fetchable || packageDir === null)
    return fail(cannotStartMessage(`its binary is not installed: ${found.reason}`), 1);
  const limits = fetchLimits(process.env);
  if (!limits.ok) return fail(limits.message, 2);
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  console.error(fetchingMessage(version, found.reason));
  const progress = progressPrinter(process.stderr);
  const outcome = await fetchElectron({
    packageDir,
    env: process.env,
    limits: limits.limits,
    onEvent: progress.onEvent,
  });
  progress.finish();
  if (!outcome.ok) return fail(fetchFailedMessage({ version, url: outcome.url, what: outcome.what }), 1);
  const fetched = locateElectron(root);
  if (!fetched.ok) return fail(cannotStartMessage(`Electron's installer finished but ${fetched.reason}`), 1);
  console.error(fetchedMessage(version));
  return fetched.path;
}

/**
 * @param {string} message
 * @param {number} code
 * @returns {never}
 */
function fail(message, code) {
  console.error(message);
  process.exit(code);
}

/** True when a bundle is missing or older than any source it is built from. */
function isStale() {
  const outputs = [
    main,
    join(root, 'dist', 'electron', 'preload.cjs'),
    join(root, 'dist', 'renderer', 'index.html'),
  ];
  if (!outputs.every((f) => existsSync(f))) return true;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return newest(join(root, 'src')) > built || newest(join(root, 'electron')) > built;
}

/**
 * Newest modification time of the source files under `dir`.
 * @param {string} dir
 * @returns {number}
 */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (/\.(ts|tsx|html|css|svg)$/.test(entry.name)) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}
