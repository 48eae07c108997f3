import type { Command } from 'commander';
import type { Problem } from '../../core/playlist/problem';
import {
  DEFAULT_MAX_PLAYLIST_BYTES,
  formatProblem,
  loadPlaylistFile,
} from '../../host/playlist/loadPlaylistFile';

/** Registers `marquee validate <playlist.json> [--json]`: exit 0 when valid, 1 with problems, 2 when the file cannot be read. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Check a playlist file and list every problem as FILE:LINE:COL  PATH  message.')
    .argument('<playlist.json>', 'the playlist file to check')
    .option('--json', 'print the problems as a JSON array of {line, column, path, message}')
    .option(
      '--max-playlist-mb <mb>',
      `the size limit the kiosk is configured with (its maxPlaylistMb setting; default ${DEFAULT_MAX_PLAYLIST_BYTES / 1024 / 1024})`,
    )
    .action(async (file: string, options: { json?: boolean; maxPlaylistMb?: string }) => {
      const mb = options.maxPlaylistMb === undefined ? undefined : Number(options.maxPlaylistMb);
      if (mb !== undefined && !(Number.isInteger(mb) && mb >= 1)) {
        process.stderr.write(
          'marquee validate: --max-playlist-mb must be a whole number of megabytes, e.g. 5\n',
        );
        process.exitCode = 2;
        return;
      }
      process.exitCode = await validate(file, options.json === true, mb);
    });
}

async function validate(file: string, json: boolean, maxMb: number | undefined): Promise<number> {
  const loaded = await loadPlaylistFile(file, maxMb === undefined ? {} : { maxBytes: maxMb * 1024 * 1024 });
  switch (loaded.kind) {
    case 'unreadable':
      process.stderr.write(`${loaded.message}\n`);
      return 2;
    case 'invalid':
      if (json) printJson(loaded.problems);
      else {
        const count = loaded.problems.length;
        const lines = loaded.problems.map((p) => formatProblem(file, p));
        process.stdout.write(`${lines.join('\n')}\n✖ ${count} problem${count === 1 ? '' : 's'} in ${file}\n`);
      }
      return 1;
    case 'ok': {
      if (json) printJson([]);
      else {
        const slides = loaded.playlist.slides.length;
        const languages = loaded.playlist.event.languages.length;
        process.stdout.write(
          `✔ ${file} is valid: ${slides} slide${slides === 1 ? '' : 's'}, ${languages} language${languages === 1 ? '' : 's'}\n`,
        );
      }
      return 0;
    }
  }
}

function printJson(problems: readonly Problem[]): void {
  const rows = problems.map(({ line, column, path, message }) => ({ line, column, path, message }));
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
}
