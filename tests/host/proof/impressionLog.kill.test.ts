import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImpressionLogs } from '../../../src/host/proof/readImpressionLogs';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-proof-kill-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the proof-of-play log when the kiosk is killed', () => {
  it('holds only whole lines after the writer is killed again and again mid-loop', async () => {
    for (let round = 0; round < 3; round++) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'appendImpressionsForever.ts'), dir],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
        child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
      });
      await new Promise((r) => setTimeout(r, 200 + round * 90));
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    const text = await readFile(join(dir, '2018-12-20.main.jsonl'), 'utf8');
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    const { records, warnings } = await readImpressionLogs(dir);
    expect(warnings).toEqual([]);
    expect(records.length).toBe(lines.length - 1);
    expect(records.length).toBeGreaterThanOrEqual(3);
    expect(records.every((r) => r.sponsors.join() === '阿里云,B' && r.seconds === 0.9)).toBe(true);
  }, 60_000);
});
