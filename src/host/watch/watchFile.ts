import { type Stats, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { watch } from 'chokidar';

/** A running file watch. */
export type FileWatch = Readonly<{
  /** Resolves once the watcher is listening (edits before that may be missed). */
  ready: Promise<void>;
  /** Stops watching. */
  close: () => Promise<void>;
}>;

/**
 * Calls `onChange` (debounced) whenever `file` is written, replaced by a rename (how many editors save),
 * created or deleted. Why the folder and not the file: a watch on the file itself loses track when an
 * editor swaps in a new inode.
 */
export function watchFile(file: string, onChange: () => void, debounceMs = 200, pollMs = 2_000): FileWatch {
  const target = resolve(file);
  const folder = dirname(target);
  let timer: NodeJS.Timeout | null = null;
  let seen = fingerprint(target);
  const trigger = (path: string): void => {
    if (resolve(path) !== target) return;
    seen = fingerprint(target);
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, debounceMs);
  };
  const watcher = watch(folder, {
    depth: 0,
    ignoreInitial: true,
    atomic: true,
    ignored: (path: string) => {
      const full = resolve(path);
      return full !== folder && full !== target;
    },
  });
  watcher.on('add', trigger).on('change', trigger).on('unlink', trigger);
  // Why: file events can be lost (inotify limits, network shares, a busy machine); a cheap stat poll
  // makes sure an edit is never missed for longer than `pollMs`.
  const poll = setInterval(() => {
    if (fingerprint(target) !== seen) trigger(target);
  }, pollMs);
  poll.unref();
  const ready = new Promise<void>((done) => watcher.once('ready', () => done()));
  return {
    ready,
    close: async () => {
      clearInterval(poll);
      if (timer !== null) clearTimeout(timer);
      await watcher.close();
    },
  };
}

/** What changes when a file is written or replaced: inode, size and modification time ("" when missing). */
function fingerprint(file: string): string {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch {
    return '';
  }
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}
