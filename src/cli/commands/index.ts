import type { Command } from 'commander';

/** Every sub-command registers itself on the program; add one line a command. */
export const commands: ReadonlyArray<(program: Command) => void> = [];
