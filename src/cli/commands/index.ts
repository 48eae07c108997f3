import type { Command } from 'commander';

/** A sub-command: its name on the command line and how to load what registers it. */
export type CommandEntry = Readonly<{
  name: string;
  load: () => Promise<(program: Command) => void>;
}>;

/**
 * Every sub-command, in the order `marquee --help` lists them; add one line a command.
 * Why: each is loaded only when asked for, so `marquee serve` does not load (parse and compile) the hub's broker,
 * the agenda importer or the renderer's Playwright driver before it can answer.
 */
export const commands: readonly CommandEntry[] = [
  { name: 'validate', load: async () => (await import('./validate')).registerValidate },
  { name: 'schema', load: async () => (await import('./schema')).registerSchema },
  { name: 'ctl', load: async () => (await import('./ctl')).registerCtl },
  { name: 'serve', load: async () => (await import('./serve')).registerServe },
  { name: 'hub', load: async () => (await import('./hub')).registerHub },
  { name: 'prefetch', load: async () => (await import('./prefetch')).registerPrefetch },
  { name: 'report', load: async () => (await import('./report')).registerReport },
  { name: 'render', load: async () => (await import('./render')).registerRender },
  { name: 'agenda', load: async () => (await import('./agenda')).registerAgenda },
  { name: 'token', load: async () => (await import('./token')).registerToken },
];

/**
 * The commands to register for `args` (the arguments after the program): only the one named first when it is one
 * of `commands`, else all of them (no command, `help`, an option such as `--help`, or a mistyped name, whose
 * "did you mean" needs every name).
 */
export function commandsFor(args: readonly string[]): readonly CommandEntry[] {
  const first = args[0];
  const named = commands.find((c) => c.name === first);
  return named === undefined ? commands : [named];
}
