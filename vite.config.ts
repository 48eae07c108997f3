import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repo = import.meta.dirname;

/** One browser app: its source folder, its HTML entries (file names in that folder) and where it is built to. */
type Page = Readonly<{ root: string; inputs: readonly string[]; outDir: string }>;

/**
 * The browser apps Vite builds, one build each (each is served from its own folder, so its assets
 * must sit inside it). Select one with MARQUEE_PAGE=<name>; the default is the renderer.
 * The staff web remote adds itself here:
 *   remote: { root: 'src/remote', inputs: ['index.html'], outDir: 'dist/remote' },
 * and scripts/build.mjs builds every name in PAGES.
 */
export const PAGES: Readonly<Record<string, Page>> = {
  renderer: { root: 'src/renderer', inputs: ['index.html', 'preview.html'], outDir: 'dist/renderer' },
  remote: { root: 'src/remote', inputs: ['index.html'], outDir: 'dist/remote' },
  'fleet-remote': { root: 'src/fleet-remote', inputs: ['index.html'], outDir: 'dist/fleet-remote' },
};

/** Builds the selected page set with relative URLs (`base: './'`), so any host path or app:// works. */
export default defineConfig(() => {
  const name = process.env.MARQUEE_PAGE ?? 'renderer';
  const page = PAGES[name];
  if (page === undefined) {
    throw new Error(`vite.config.ts: MARQUEE_PAGE="${name}" is not one of ${Object.keys(PAGES).join(', ')}`);
  }
  const root = resolve(repo, page.root);
  return {
    root,
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(repo, page.outDir),
      emptyOutDir: true,
      target: 'chrome120',
      chunkSizeWarningLimit: 1500,
      rollupOptions: {
        input: Object.fromEntries(page.inputs.map((f) => [f.replace(/\.html$/, ''), resolve(root, f)])),
      },
    },
  };
});
