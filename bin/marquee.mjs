#!/usr/bin/env node
// Runs the `marquee` command line: one CommonJS bundle that `npm run build` writes (and `npm install` runs the build),
// compiled with a V8 code cache of the command's own, next to the bundle.
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundle = fileURLToPath(new URL('../dist/cli/marquee.cjs', import.meta.url));
if (!existsSync(bundle)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(
    `marquee: the command line is not built (${bundle} is missing).\n` +
      `Run: npm run build   (in ${root}; \`npm install\` runs it too)\n`,
  );
  process.exit(1);
}

// Why: a cache per command (serve, validate, ctl, …): each holds the functions its own runs compile.
const command = /^[a-z][a-z-]{0,30}$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
const cacheFile = `${bundle}.${command}.v8-cache`;
let cached;
try {
  cached = readFileSync(cacheFile);
} catch {
  cached = undefined;
}
// Why: V8 checks the cache against the source, its own version and flags, and rejects one that does not fit (a new
// build, another Node, a truncated file): the bundle is then compiled as usual and the cache written anew.
const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), {
  filename: bundle,
  cachedData: cached,
});
const accepted = cached !== undefined && !script.cachedDataRejected;
if (process.env.MARQUEE_CODE_CACHE_REPORT === '1')
  process.stderr.write(`code cache: ${cached === undefined ? 'none' : accepted ? 'accepted' : 'rejected'}\n`);

let written = accepted;
/** Writes the cache once, with every function compiled so far; never fails the command (a read-only install). */
function writeCache() {
  if (written) return;
  written = true;
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {}
  }
}
// Why: once the command has started (a show is up within a second or two), so a kiosk that never exits cleanly
// (a power cut) still has it; at exit for a command that is done sooner.
setTimeout(writeCache, 3_000).unref();
process.once('exit', writeCache);

const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
