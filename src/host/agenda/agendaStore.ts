import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { Session } from '../../core/playlist/schema';
import { safeScreenName } from '../state/positionStore';

/** The last good agenda of a feed, kept so a restart shows it before (or without) the first fetch. */
export const SavedAgenda = z.strictObject({
  version: z.literal(1),
  /** The feed's URL or resolved file path, with the event timezone and room names it was read with. */
  source: z.string(),
  fetchedAt: z.number(),
  skipped: z.number().int().nonnegative(),
  validators: z.strictObject({ etag: z.string().nullable(), lastModified: z.string().nullable() }),
  sessions: z.array(Session),
});
export type SavedAgenda = Readonly<z.infer<typeof SavedAgenda>>;

/** Where: `<stateDir>/agenda-<screen>.json`, the screen name made safe for any file system. */
export function agendaFile(dir: string, screen: string): string {
  return join(dir, `agenda-${safeScreenName(screen)}.json`);
}

/** The saved agenda, or null when there is none or it does not read (then `warn` says why). Never throws. */
export async function loadAgenda(file: string, warn: (message: string) => void): Promise<SavedAgenda | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    warn(`cannot read the saved agenda ${file}: ${String(error)}`);
    return null;
  }
  try {
    const parsed = SavedAgenda.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    warn(`the saved agenda ${file} is not valid (${parsed.error.issues[0]?.message ?? ''}); it is ignored`);
  } catch {
    warn(`the saved agenda ${file} is not JSON; it is ignored`);
  }
  return null;
}

/** Saves the agenda atomically (temp file, fsync, rename): a power cut leaves the old or the new one. */
export async function saveAgenda(file: string, dir: string, agenda: SavedAgenda): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(agenda)}\n`, { fsync: true });
}
