import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { fieldReferenceMarkdown } from '../../core/playlist/fieldReference';
import { playlistJsonSchemaText } from '../../core/playlist/jsonSchema';

/** Registers `marquee schema [--out FILE] [--markdown]`: prints (or writes) the playlist JSON Schema, or the docs' field tables. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description(
      'Print the JSON Schema of playlist files (for "$schema" in editors), or write it with --out.',
    )
    .option('--out <file>', 'write the schema to this file instead of printing it')
    .option('--markdown', 'print the field reference tables of docs/playlist.md instead')
    .action(async (options: { out?: string; markdown?: boolean }) => {
      const text = options.markdown === true ? `${fieldReferenceMarkdown()}\n` : playlistJsonSchemaText();
      if (options.out === undefined) {
        process.stdout.write(text);
        return;
      }
      try {
        await writeFile(options.out, text);
        process.stdout.write(`✔ wrote ${options.out}\n`);
      } catch (error) {
        process.stderr.write(
          `cannot write ${options.out}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exitCode = 2;
      }
    });
}
