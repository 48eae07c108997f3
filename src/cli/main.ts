import { Command } from 'commander';
import { appVersion } from '../host/appVersion';
import { commands } from './commands/index';

/** The `marquee` command line: one sub-command a file under `commands/`. */
const program = new Command()
  .name('marquee')
  .description('Marquee: a fullscreen event-venue kiosk that plays a JSON playlist of slides.')
  .version(appVersion(), '-V, --version', 'print the version')
  .showHelpAfterError()
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

for (const register of commands) register(program);

await program.parseAsync(process.argv);
