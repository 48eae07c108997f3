// The `npm run bench` runner: imports every bench/*.bench.ts (sorted), runs it, prints one table with a section per file.
// `npm run bench -- playlist` runs only the files whose name contains "playlist".
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchRow } from './benchTypes';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((word) => f.includes(word)))
  .sort();

if (files.length === 0) {
  process.stderr.write(`no bench/*.bench.ts file matches ${filters.join(', ')}\n`);
  process.exit(2);
}

const sections: { title: string; rows: readonly BenchRow[] }[] = [];
let failed = false;
for (const file of files) {
  process.stderr.write(`running ${file}…\n`);
  try {
    const bench = (await import(pathToFileURL(`${dir}${file}`).href)) as BenchModule;
    sections.push({ title: bench.title, rows: await bench.run() });
  } catch (error) {
    failed = true;
    const message = error instanceof Error ? error.message : String(error);
    sections.push({ title: file, rows: [{ name: 'failed', median: '—', detail: message }] });
  }
}

process.stdout.write(`${table(sections)}\n`);
process.exitCode = failed ? 1 : 0;

function table(all: readonly { title: string; rows: readonly BenchRow[] }[]): string {
  const rows = all.flatMap((s) => s.rows);
  const nameWidth = Math.max(4, ...rows.map((r) => r.name.length));
  const medianWidth = Math.max(6, ...rows.map((r) => r.median.length));
  const line = (name: string, median: string, detail: string) =>
    `${name.padEnd(nameWidth)}  ${median.padStart(medianWidth)}  ${detail}`.trimEnd();
  const out: string[] = [line('case', 'median', 'detail'), '-'.repeat(nameWidth + medianWidth + 12)];
  for (const section of all) {
    out.push('', `## ${section.title}`);
    for (const row of section.rows) out.push(line(row.name, row.median, row.detail ?? ''));
  }
  return out.join('\n');
}
