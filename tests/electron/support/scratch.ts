// What an Electron packaging or launcher test leaves behind (temporary folders, loopback mirrors), removed together
// after the file's tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mirror } from '../../support/electronMirror';

export type Scratch = Readonly<{
  /** A new empty temporary folder, removed by `clear`. */
  temp(prefix: string): string;
  /** Removes `dir` in `clear` too. */
  keep(dir: string): string;
  /** Closes `mirror` in `clear`. */
  mirror(mirror: Mirror): Mirror;
  clear(): Promise<void>;
}>;

export function scratchSpace(): Scratch {
  const dirs: string[] = [];
  const mirrors: Mirror[] = [];
  const keep = (dir: string) => {
    dirs.push(dir);
    return dir;
  };
  return {
    temp: (prefix) => keep(mkdtempSync(join(tmpdir(), prefix))),
    keep,
    mirror: (mirror) => {
      mirrors.push(mirror);
      return mirror;
    },
    clear: async () => {
      await Promise.all(mirrors.map((m) => m.close()));
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}
