import { readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { FleetScreen } from '../../core/channels/hubApiContract';
import type { PresenceTable } from '../../core/hub/presence';

const Saved = z.strictObject({ version: z.literal(1), screens: z.array(FleetScreen) });

/** The presence table saved in `file`, or an empty one (first start, or a file that is not one: said in `problem`). */
export function loadPresence(file: string): Readonly<{ table: PresenceTable; problem: string | null }> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { table: {}, problem: null };
  }
  try {
    const saved = Saved.parse(JSON.parse(text));
    return { table: Object.fromEntries(saved.screens.map((s) => [s.screen, s])), problem: null };
  } catch (err) {
    return {
      table: {},
      problem: `${file}: not a presence table (${String(err).slice(0, 200)}); starting empty`,
    };
  }
}

/** Saves the table atomically (a power cut leaves the old file or the new one, never half of one). */
export async function savePresence(file: string, table: PresenceTable): Promise<void> {
  const body = { version: 1, screens: Object.values(table) };
  await writeFileAtomic(file, `${JSON.stringify(body)}\n`, { fsync: true });
}
