// Builds everything Marquee runs: the renderer and web remote (Vite), the Electron main + preload and the
// `marquee` command line (esbuild). `node scripts/build.mjs cli` (or pages, electron) builds only those parts.
import { existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { build as esbuild } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const PARTS = ['pages', 'electron', 'cli'];
const asked = process.argv.slice(2);
const unknown = asked.filter((part) => !PARTS.includes(part));
if (unknown.length > 0) {
  process.stderr.write(
    `scripts/build.mjs: unknown part ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}\n`,
  );
  process.exit(2);
}
const wants = (part) => asked.length === 0 || asked.includes(part);

// Why: prefer a package's ES module build; UMD builds (jsonc-parser) require their own files dynamically,
// which a bundle cannot follow, and the program crashes at start.
const node = {
  bundle: true,
  platform: 'node',
  sourcemap: true,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
};

if (wants('pages') && existsSync(`${root}vite.config.ts`)) {
  // Why: loaded only here, so `build.mjs cli` (what tests run when src/ changed) does not pay for Vite.
  const { build: viteBuild } = await import('vite');
  // Why: vite.config.ts builds one page set at a time (MARQUEE_PAGE); these are the names in its PAGES.
  for (const page of ['renderer', 'remote', 'fleet-remote']) {
    process.env.MARQUEE_PAGE = page;
    await viteBuild({ configFile: `${root}vite.config.ts`, logLevel: 'warn' });
  }
}

if (wants('electron') && existsSync(`${root}electron/main.ts`)) {
  // Why: Electron 45 runs Node 22; `electron` itself is provided by the running app.
  const electron = { ...node, target: 'node22', external: ['electron'] };
  // Why: a sandboxed preload cannot load ESM, so it is one CommonJS bundle.
  await esbuild({
    ...electron,
    entryPoints: [`${root}electron/preload.ts`],
    outfile: `${root}dist/electron/preload.cjs`,
    format: 'cjs',
  });
  await esbuild({
    ...electron,
    entryPoints: [`${root}electron/main.ts`],
    outfile: `${root}dist/electron/main.cjs`,
    format: 'cjs',
  });
}

/**
 * Why: `zod` re-exports every locale (`z.locales`, and `zod/v4/core` as `locales`), some 400 KB that the host never uses (its messages are English,
 * the default, or its own) and that every start would compile; `z.locales` keeps `en` only.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](?:classic[\\/]external|core[\\/]index)\.js$/.test(args.importer)
        ? { path: args.importer, namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: "export { default as en } from '../locales/en.js';",
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

if (wants('cli')) {
  // Why: one CommonJS file, so bin/marquee.mjs can compile it with a V8 code cache (Node 20 has none for ES
  // modules: `module.enableCompileCache` is Node 22): a start compiles next to nothing (spawn → whole kiosk page
  // 270 → 197 ms on the demo). Each command still evaluates only what it uses: the bundled dynamic imports stay lazy
  // (`marquee serve` runs neither the hub's broker nor undici until it needs them). playwright-core stays outside:
  // it is large, loaded only by `marquee render`, and finds its own files at run time.
  rmSync(`${root}dist/cli`, { recursive: true, force: true });
  await esbuild({
    ...node,
    target: 'node20',
    entryPoints: [`${root}src/cli/main.ts`],
    outfile: `${root}dist/cli/marquee.cjs`,
    format: 'cjs',
    external: ['playwright-core'],
    plugins: [zodEnglishOnly],
    // Why: the one external, playwright-core, is CommonJS: a require() needs no ES module loader in the vm script.
    supported: { 'dynamic-import': false },
    // Why: the sources find Marquee's folder from their own file (import.meta), which a CommonJS file has as
    // __dirname and __filename.
    define: { 'import.meta.dirname': '__dirname', 'import.meta.url': '__marqueeBundleUrl' },
    banner: { js: "var __marqueeBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
}
