import { ensureCliBuilt } from './cliBuild';

/** Before any test file: the CLI bundle the tests spawn (through bin/marquee.mjs) is built from the current sources. */
export function setup(): void {
  ensureCliBuilt();
}
