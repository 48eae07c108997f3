import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import {
  PROOF_BATCH_MAX,
  type ProofAck,
  type ProofBatch,
  impressionId,
} from '../../core/channels/fleetContract';
import { impressionFileName, type ProofLog } from '../proof/impressionLog';
import { readImpressionLogs } from '../proof/readImpressionLogs';

/** How many impressions of each log file the hub has acknowledged, counted from the top of the file. */
const Cursor = z.record(z.string(), z.number().int().nonnegative());

/** A batch on its way, and how far each log file's cursor moves when it is acknowledged. */
type InFlight = Readonly<{ batch: ProofBatch; advance: Readonly<Record<string, number>> }>;

/** Options of `createProofOutbox`. */
export type ProofOutboxOptions = Readonly<{
  /** The proof-of-play folder the screen's impression log writes to. */
  dir: string;
  screen: string;
  /** Where the acknowledged counts are kept (written atomically, so a power cut leaves the old or the new). */
  cursorFile: string;
  log: ProofLog;
  now: () => number;
}>;

/** Sends the screen's impressions from its own log, one batch at a time, until the hub acknowledges each. */
export type ProofOutbox = Readonly<{
  /** The next batch to publish (the one in flight again when it was not acknowledged); null: all acknowledged. */
  nextBatch(): Promise<ProofBatch | null>;
  /** Takes the hub's acknowledgement; true when it was the batch in flight. */
  acknowledge(ack: ProofAck): Promise<boolean>;
  /** The batch in flight is lost (a reconnect, no ack in time): send it again. */
  resend(): void;
}>;

const LOG_FILE = /^(\d{4}-\d{2}-\d{2})\..+\.jsonl$/;

/**
 * The outbox reads the proof-of-play log itself (the MQTT client's queue lives in memory and is lost with
 * the process), so impressions written while offline or before a restart go out once the hub is back.
 * The hub stores each impression id once, so a batch resent after a lost acknowledgement counts once.
 */
export async function createProofOutbox(options: ProofOutboxOptions): Promise<ProofOutbox> {
  const cursor: Record<string, number> = await readCursor(options);
  let inFlight: InFlight | null = null;
  let sequence = 0;
  const ownFile = (name: string): boolean => {
    const day = LOG_FILE.exec(name)?.[1];
    return day !== undefined && name === impressionFileName(day, options.screen);
  };

  const build = async (): Promise<InFlight | null> => {
    let names: string[];
    try {
      names = (await readdir(options.dir)).filter(ownFile).sort();
    } catch {
      return null;
    }
    const impressions: ProofBatch['impressions'][number][] = [];
    const advance: Record<string, number> = {};
    for (const name of names) {
      const day = LOG_FILE.exec(name)?.[1] ?? '';
      const { records } = await readImpressionLogs(options.dir, { from: day, to: day });
      const own = records.filter((r) => impressionFileName(r.day, r.screen) === name);
      const start = cursor[name] ?? 0;
      const take = own.slice(start, start + (PROOF_BATCH_MAX - impressions.length));
      if (take.length === 0) continue;
      impressions.push(...take.map((r) => ({ ...r, id: impressionId(r) })));
      advance[name] = start + take.length;
      if (impressions.length >= PROOF_BATCH_MAX) break;
    }
    if (impressions.length === 0) return null;
    sequence += 1;
    const batch = {
      screen: options.screen,
      batch: `${options.screen}-${options.now()}-${sequence}`,
      impressions,
    };
    return { batch, advance };
  };

  return {
    async nextBatch() {
      inFlight ??= await build();
      return inFlight?.batch ?? null;
    },
    async acknowledge(ack) {
      const current = inFlight;
      if (current === null || ack.batch !== current.batch.batch) return false;
      Object.assign(cursor, current.advance);
      inFlight = null;
      try {
        await writeFileAtomic(options.cursorFile, `${JSON.stringify(cursor)}\n`, { mode: 0o600 });
      } catch (err) {
        // Why: a cursor that could not be saved only means some impressions are sent again; the hub drops repeats.
        options.log.warn(
          { err: String(err), file: options.cursorFile },
          'fleet: could not save the proof-of-play cursor',
        );
      }
      return true;
    },
    resend() {
      // Why: a fresh read picks up impressions written since, and the hub deduplicates by id.
      inFlight = null;
    },
  };
}

async function readCursor(options: ProofOutboxOptions): Promise<Record<string, number>> {
  let text: string;
  try {
    text = await readFile(options.cursorFile, 'utf8');
  } catch {
    return {};
  }
  const parsed = Cursor.safeParse(safeJson(text));
  if (parsed.success) return { ...parsed.data };
  options.log.warn(
    { file: options.cursorFile },
    'fleet: the proof-of-play cursor is damaged; every impression is sent again (the hub stores each once)',
  );
  return {};
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Where a screen keeps its proof-of-play cursor. */
export function proofCursorFile(stateDir: string, screen: string): string {
  return join(stateDir, `fleet-proof-cursor.${screen}.json`);
}
