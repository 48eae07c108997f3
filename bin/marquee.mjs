#!/usr/bin/env node
// Runs the `marquee` command line: one bundle that `npm run build` writes (and `npm install` runs the build).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/marquee.mjs', import.meta.url);
if (!existsSync(bundle)) {
  const root = new URL('..', import.meta.url).pathname;
  process.stderr.write(
    `marquee: the command line is not built (${bundle.pathname} is missing).\n` +
      `Run: npm run build   (in ${root}; \`npm install\` runs it too)\n`,
  );
  process.exit(1);
}
await import(bundle.href);
