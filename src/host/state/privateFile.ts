import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';

/**
 * Checks a private file Marquee keeps (a token) without following links: null when there is none; throws,
 * naming the file and the fix (`orFix` is added after "remove it"), when it is not a plain file or belongs to
 * another user; makes it 0600 when others could read it, and says so in the notes it returns.
 */
export function checkPrivateFile(file: string, orFix = ''): string[] | null {
  const info = lstatSync(file, { throwIfNoEntry: false });
  if (info === undefined) return null;
  if (!info.isFile()) throw new Error(`${file} is not a plain file (a link or a folder?): remove it${orFix}`);
  const notes: string[] = [];
  if (process.platform !== 'win32') {
    if (typeof process.getuid === 'function' && info.uid !== process.getuid()) {
      throw new Error(`${file} belongs to another user (uid ${info.uid}): remove it${orFix}`);
    }
    if ((info.mode & 0o077) !== 0) {
      const was = (info.mode & 0o777).toString(8).padStart(4, '0');
      try {
        chmodSync(file, 0o600);
      } catch (err) {
        throw new Error(
          `${file} is readable by other users (mode ${was}) and could not be fixed (${String(err)}): run chmod 600 ${file}`,
        );
      }
      notes.push(`${file} was readable by other users (mode ${was}); it is now 0600`);
    }
  }
  return notes;
}

/**
 * Writes `text` to `file` in `dir` (made, 0700, when missing), atomically and with mode 0600. Refuses, naming
 * the fix, when something other than a plain file is at `file`: write-file-atomic writes through a link.
 */
export function writePrivateFile(dir: string, file: string, text: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const info = lstatSync(file, { throwIfNoEntry: false });
  if (info !== undefined && !info.isFile()) {
    throw new Error(`${file} is not a plain file (a link or a folder?): remove it, then try again`);
  }
  // Why: atomic, so a power cut during a write leaves the old content or the new, never half of it.
  writeFileAtomic.sync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600);
}
