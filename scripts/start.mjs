// `npm start`: runs the Electron kiosk (on the bundled demo unless told otherwise), building first when dist/ is stale.
// Extra arguments pass through: `npm start -- --windowed --display all`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const { locateElectron } = await import('../src/host/kiosk/electronBinary.ts');

const root = new URL('..', import.meta.url).pathname;
const main = join(root, 'dist', 'electron', 'main.cjs');

const electron = locateElectron(root);
if (!electron.ok) {
  console.error(
    `Electron could not be started here (its binary is not installed: ${electron.reason}); run the same kiosk in a browser with: npx marquee serve --open`,
  );
  process.exit(1);
}

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
const child = spawn(electron.path, [main, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (err) => {
  console.error(
    `Electron could not be started here (${err.message}); run the same kiosk in a browser with: npx marquee serve --open`,
  );
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

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

/** Newest modification time of the source files under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (/\.(ts|tsx|html|css|svg)$/.test(entry.name)) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}
