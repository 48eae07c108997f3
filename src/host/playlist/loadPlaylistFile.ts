import { realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parsePlaylist } from '../../core/playlist/parsePlaylist';
import type { Problem } from '../../core/playlist/problem';
import type { Playlist } from '../../core/playlist/types';

export { formatProblem } from './formatProblem';

/** A playlist file read and checked: valid, invalid (with every problem), or not readable at all. */
export type LoadResult =
  | {
      readonly kind: 'ok';
      readonly playlist: Playlist;
      /** The absolute path of the playlist file. */
      readonly file: string;
      /** The folder assets are resolved against. */
      readonly dir: string;
      readonly text: string;
    }
  | { readonly kind: 'invalid'; readonly problems: readonly Problem[]; readonly file: string }
  | { readonly kind: 'unreadable'; readonly file: string; readonly message: string };

/** Reads a playlist file and validates it, checking that every local asset exists relative to the file's folder. */
export async function loadPlaylistFile(file: string): Promise<LoadResult> {
  const absolute = resolve(file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    return { kind: 'unreadable', file: absolute, message: `cannot read ${file}: ${reason(error)}` };
  }
  const dir = dirname(absolute);
  const result = parsePlaylist(text, { fileName: file, assetExists: assetExistsIn(dir) });
  if (!result.ok) return { kind: 'invalid', problems: result.problems, file: absolute };
  return { kind: 'ok', playlist: result.playlist, file: absolute, dir, text };
}

/** Whether a relative asset path names a regular file inside `dir` (symlinks resolved, never leaving it); answers are cached per ref. */
export function assetExistsIn(dir: string): (ref: string) => boolean {
  const cache = new Map<string, boolean>();
  let realDir: string | undefined;
  return (ref) => {
    const known = cache.get(ref);
    if (known !== undefined) return known;
    realDir ??= realOrUndefined(dir) ?? resolve(dir);
    const real = realOrUndefined(resolve(dir, ref));
    const exists =
      real !== undefined &&
      isInside(realDir, real) &&
      (statSync(real, { throwIfNoEntry: false })?.isFile() ?? false);
    cache.set(ref, exists);
    return exists;
  };
}

// Why: the media server refuses files whose real path leaves the playlist folder, so a symlink out of it must not pass here.
function isInside(dir: string, target: string): boolean {
  const inside = relative(dir, target);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file (check the path)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder; give the path of the playlist .json file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
