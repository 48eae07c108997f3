import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/host/clock';
import { createShowMonitor } from '../../src/host/health/showMonitor';
import { PlayerHost } from '../../src/host/PlayerHost';
import { type AppendDurably, appendDurably, createImpressionSink } from '../../src/host/proof/impressionLog';
import { readImpressionLogs } from '../../src/host/proof/readImpressionLogs';
import { writeFaultShow } from './faultShow';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-diskfull-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A disk that refuses every write while `full` is set, as a full disk does (ENOSPC). */
function fillableDisk(): { append: AppendDurably; setFull: (full: boolean) => void; refused: () => number } {
  let full = false;
  let refused = 0;
  return {
    append: async (file, data) => {
      if (full) {
        refused++;
        throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), {
          code: 'ENOSPC',
        });
      }
      await appendDurably(file, data);
    },
    setFull: (value) => {
      full = value;
    },
    refused: () => refused,
  };
}

describe('a full disk while writing the proof-of-play log', () => {
  it('keeps the show going, records the error in health, and loses no impression once space is back', async () => {
    const file = await writeFaultShow(dir, 5);
    const clock = new ManualClock(Date.parse('2018-12-20T09:00:00+08:00'));
    const disk = fillableDisk();
    const warnings: string[] = [];
    let host: PlayerHost | null = null;
    const proof = createImpressionSink({
      dir: join(dir, 'proof'),
      screen: 'main',
      playlistLookup: () => host?.playlist ?? null,
      append: disk.append,
      log: { info: () => {}, warn: (_o, msg) => warnings.push(msg) },
    });
    host = await PlayerHost.start({ playlistFile: file, clock, watch: false, onPlayed: (i) => proof(i) });
    const monitor = createShowMonitor({
      host,
      clock,
      log: { info: () => {}, warn: () => {} },
      limits: { silentMs: 30_000 },
      proof: () => proof.stats(),
      version: 'test',
    });
    const play = async (slides: number): Promise<string[]> => {
      const seen: string[] = [];
      for (let i = 0; i < slides; i++) {
        host.dispatch({ type: 'presented', seq: host.getView().seq }, 'renderer');
        seen.push(host.status().slide?.id ?? '(idle)');
        clock.advance(5_000);
        await proof.flush();
      }
      return seen;
    };

    await play(2);
    disk.setFull(true);
    const duringFull = await play(5);
    expect(duringFull).toEqual(['lunch', 'stream', 'bye', 'welcome', 'hall']);
    expect(disk.refused()).toBeGreaterThan(0);
    expect(proof.stats().failedWrites).toBeGreaterThan(0);
    expect(proof.stats().pending).toBeGreaterThanOrEqual(5);
    const health = monitor.health();
    expect(health.lastError?.message).toMatch(/proof-of-play log could not be written .*free disk space/);
    expect(health.proof?.failedWrites).toBeGreaterThan(0);
    expect(health.renderers).toMatchObject({ changes: 8, acknowledged: 7, missed: 0 });

    disk.setFull(false);
    await play(1);
    await proof.flush();
    expect(proof.stats().pending).toBe(0);
    const logs = await readImpressionLogs(join(dir, 'proof'));
    expect(logs.records.map((r) => r.slideId)).toEqual([
      'welcome',
      'hall',
      'lunch',
      'stream',
      'bye',
      'welcome',
      'hall',
      'lunch',
    ]);
    expect(warnings.join('\n')).toMatch(/disk is full|ENOSPC/i);
    monitor.stop();
    await host.stop();
  });
});
