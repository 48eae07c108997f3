import type { Command } from 'commander';
import { registerAgenda } from './agenda';
import { registerCtl } from './ctl';
import { registerHub } from './hub';
import { registerPrefetch } from './prefetch';
import { registerRender } from './render';
import { registerReport } from './report';
import { registerSchema } from './schema';
import { registerServe } from './serve';
import { registerToken } from './token';
import { registerValidate } from './validate';

/** Every sub-command registers itself on the program; add one line a command. */
export const commands: ReadonlyArray<(program: Command) => void> = [
  registerValidate,
  registerSchema,
  registerCtl,
  registerServe,
  registerHub,
  registerPrefetch,
  registerReport,
  registerRender,
  registerAgenda,
  registerToken,
];
