// Builds everything that runs outside `tsx`: the renderer and web remote (Vite) and the Electron main + preload (esbuild).
import { existsSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = new URL('..', import.meta.url).pathname;

if (existsSync(`${root}vite.config.ts`)) {
  // Why: vite.config.ts builds one page set at a time (MARQUEE_PAGE); these are the names in its PAGES.
  for (const page of ['renderer', 'remote']) {
    process.env.MARQUEE_PAGE = page;
    await viteBuild({ configFile: `${root}vite.config.ts`, logLevel: 'warn' });
  }
}

if (existsSync(`${root}electron/main.ts`)) {
  // Why: prefer a package's ES module build; UMD builds (jsonc-parser) require their own files dynamically,
  // which a bundle cannot follow, and the main process crashes at start.
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning',
    external: ['electron'],
    mainFields: ['module', 'main'],
  };
  // Why: a sandboxed preload cannot load ESM, so it is one CommonJS bundle.
  await esbuild({
    ...common,
    entryPoints: [`${root}electron/preload.ts`],
    outfile: `${root}dist/electron/preload.cjs`,
    format: 'cjs',
  });
  await esbuild({
    ...common,
    entryPoints: [`${root}electron/main.ts`],
    outfile: `${root}dist/electron/main.cjs`,
    format: 'cjs',
  });
}
