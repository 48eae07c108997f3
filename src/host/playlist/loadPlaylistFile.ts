import { realpathSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
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

/** The largest playlist file read by default (5 MB): a show of thousands of slides is a few hundred kB. */
export const DEFAULT_MAX_PLAYLIST_BYTES = 5 * 1024 * 1024;

/** How to load: the size limit of the file, bytes (the `maxPlaylistMb` setting). */
export type LoadOptions = Readonly<{ maxBytes?: number }>;

/**
 * Reads a playlist file and validates it, checking that every local asset exists relative to the file's
 * folder. A file over `maxBytes` is not read at all: it is invalid, with one problem at 1:1 saying so.
 */
export async function loadPlaylistFile(file: string, options: LoadOptions = {}): Promise<LoadResult> {
  const absolute = resolve(file);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_PLAYLIST_BYTES;
  let text: string;
  try {
    const handle = await open(absolute, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) return { kind: 'invalid', problems: [tooLarge(size, maxBytes)], file: absolute };
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { kind: 'unreadable', file: absolute, message: `cannot read ${file}: ${reason(error)}` };
  }
  const dir = dirname(absolute);
  const result = parsePlaylist(text, { fileName: file, assetExists: assetExistsIn(dir) });
  if (!result.ok) return { kind: 'invalid', problems: result.problems, file: absolute };
  return { kind: 'ok', playlist: result.playlist, file: absolute, dir, text };
}

function tooLarge(size: number, maxBytes: number): Problem {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return {
    line: 1,
    column: 1,
    path: '',
    message: `the file is ${mb(size)}, over the ${mb(maxBytes)} a playlist may be; images and videos belong in files next to it (or https:// URLs), not inside it. A show that really is bigger: raise the maxPlaylistMb setting`,
  };
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
