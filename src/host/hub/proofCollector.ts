import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProofAck, ProofBatch } from '../../core/channels/fleetContract';
import {
  type AppendDurably,
  appendDurably,
  endsWithNewline,
  impressionFileName,
} from '../proof/impressionLog';

/** The hub's store of the venue's proof of play: the screens' JSON lines, each impression once. */
export type ProofCollector = Readonly<{
  /** Stores the batch's new impressions durably, then resolves with the acknowledgement to send. */
  store(batch: ProofBatch): Promise<ProofAck>;
  /** How many impressions are stored. */
  count(): number;
}>;

/**
 * A collector writing to `dir` in the screens' own format (`<day>.<screen>.jsonl`, one line each, plus its
 * `id`), so `marquee report --dir <dir>` gives the venue's table. The ids already stored are read back at
 * start, so a batch resent across a hub restart is acknowledged without storing anything twice. Batches
 * are stored one after another; an acknowledgement goes out only after its lines are on disk. A last line
 * torn by a power cut is ended first, so it costs only itself (its impression is resent and stored again).
 */
export async function createProofCollector(
  dir: string,
  append: AppendDurably = appendDurably,
): Promise<ProofCollector> {
  await mkdir(dir, { recursive: true });
  const seen = await storedIds(dir);
  /** Files known to end with a newline (checked once, and again after a failed write). */
  const clean = new Set<string>();
  let chain: Promise<unknown> = Promise.resolve();
  const storeNow = async (batch: ProofBatch): Promise<ProofAck> => {
    const fresh = batch.impressions.filter((i) => !seen.has(i.id));
    const byFile = new Map<string, string[]>();
    for (const impression of fresh) {
      const file = join(dir, impressionFileName(impression.day, impression.screen));
      byFile.set(file, [...(byFile.get(file) ?? []), `${JSON.stringify(impression)}\n`]);
    }
    for (const [file, lines] of byFile) {
      // Why: a line torn by a power cut must not swallow the first line written after it.
      const prefix = clean.has(file) || (await endsWithNewline(file)) ? '' : '\n';
      clean.delete(file);
      await append(file, prefix + lines.join(''));
      clean.add(file);
    }
    for (const impression of fresh) seen.add(impression.id);
    return { batch: batch.batch, ids: batch.impressions.map((i) => i.id) };
  };
  return {
    store(batch) {
      const result = chain.then(() => storeNow(batch));
      chain = result.catch(() => undefined);
      return result;
    },
    count: () => seen.size,
  };
}

async function storedIds(dir: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.jsonl')) continue;
    const text = await readFile(join(dir, name), 'utf8');
    for (const line of text.split('\n')) {
      const id = idOf(line);
      if (id !== null) ids.add(id);
    }
  }
  return ids;
}

function idOf(line: string): string | null {
  if (line.trim() === '') return null;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string'
      ? value.id
      : null;
  } catch {
    // Why: a line torn by a power cut is skipped; its impression comes again and is stored then.
    return null;
  }
}
