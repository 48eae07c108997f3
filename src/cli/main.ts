import { Command } from 'commander';
import { appVersion } from '../host/appVersion';
import { commandsFor } from './commands/index';

/** The `marquee` command line: one sub-command a file under `commands/`, each loaded only when it runs. */
const program = new Command()
  .name('marquee')
  .description('Marquee: a fullscreen event-venue kiosk that plays a JSON playlist of slides.')
  .version(appVersion(), '-V, --version', 'print the version')
  .showHelpAfterError()
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

async function main(): Promise<void> {
  const registers = await Promise.all(commandsFor(process.argv.slice(2)).map((c) => c.load()));
  for (const register of registers) register(program);
  await program.parseAsync(process.argv);
}

// Why: no top-level await: the bundle is CommonJS, so bin/marquee.mjs can compile it with a V8 code cache.
void main();
