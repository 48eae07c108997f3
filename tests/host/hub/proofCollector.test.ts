import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { impressionId, type ProofBatch } from '../../../src/core/channels/fleetContract';
import { createProofCollector } from '../../../src/host/hub/proofCollector';
import { readImpressionLogs } from '../../../src/host/proof/readImpressionLogs';

/** An impression of the sponsors slide on `screen`, starting `minute` minutes into the first day. */
function impression(screen: string, minute: number): ProofBatch['impressions'][number] {
  const start = new Date(Date.UTC(2018, 11, 20, 1, minute)).toISOString();
  const end = new Date(Date.UTC(2018, 11, 20, 1, minute, 12)).toISOString();
  const record = {
    v: 1 as const,
    day: '2018-12-20',
    tz: 'Asia/Shanghai',
    screen,
    slideId: 'sponsors',
    slideType: 'sponsors' as const,
    sponsors: ['A'],
    start,
    end,
    seconds: 12,
    cutShort: false,
    reason: 'time-up' as const,
  };
  return { ...record, id: impressionId(record) };
}

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-proof-collector-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the hub’s proof store', () => {
  it('stores each impression once across a restart, and acknowledges every id of a resent batch', async () => {
    const first = await createProofCollector(dir);
    const batch = {
      screen: 'door-3',
      batch: 'b1',
      impressions: [impression('door-3', 0), impression('door-3', 1)],
    };
    expect((await first.store(batch)).ids).toHaveLength(2);
    const again = await createProofCollector(dir);
    expect(again.count()).toBe(2);
    const ack = await again.store({ ...batch, impressions: [...batch.impressions, impression('door-3', 2)] });
    expect(ack.ids).toHaveLength(3);
    const read = await readImpressionLogs(dir);
    expect(read.records).toHaveLength(3);
    expect(read.warnings).toEqual([]);
  });

  it('after a power cut tore the last line, the next batch is stored whole and readable', async () => {
    const before = await createProofCollector(dir);
    await before.store({ screen: 'door-3', batch: 'b1', impressions: [impression('door-3', 0)] });
    const [file] = await readdir(dir);
    if (file === undefined) throw new Error('no proof file written');
    // Why: the power went while the hub wrote minute 1's line; the screen never got its ack and resends it.
    const torn = JSON.stringify(impression('door-3', 1)).slice(0, 40);
    await appendFile(join(dir, file), torn);
    const after = await createProofCollector(dir);
    const ack = await after.store({
      screen: 'door-3',
      batch: 'b2',
      impressions: [impression('door-3', 1), impression('door-3', 2)],
    });
    expect(ack.ids).toHaveLength(2);
    const read = await readImpressionLogs(dir);
    expect(read.records.map((r) => r.start).sort()).toEqual([
      impression('door-3', 0).start,
      impression('door-3', 1).start,
      impression('door-3', 2).start,
    ]);
    expect(read.warnings).toHaveLength(1);
  });
});
