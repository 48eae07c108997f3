import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rotatingFile } from '../../../src/host/log/rotatingFile';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-rotate-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const line = (n: number): string => `${JSON.stringify({ n, msg: 'x'.repeat(40) })}\n`;

describe('rotatingFile', () => {
  it('rotates by size, keeps the newest files, and loses no line of the kept ones', async () => {
    const file = join(dir, 'marquee.log');
    const out = rotatingFile({ file, maxBytes: 500, keep: 2 });
    const total = 40;
    for (let n = 0; n < total; n += 1) out.write(line(n));
    out.close();

    const names = (await readdir(dir)).sort();
    expect(names).toEqual(['marquee.log', 'marquee.log.1', 'marquee.log.2']);
    const read = async (name: string): Promise<number[]> =>
      (await readFile(join(dir, name), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { n: number }).n);
    const oldest = await read('marquee.log.2');
    const kept = [...oldest, ...(await read('marquee.log.1')), ...(await read('marquee.log'))];
    // Every kept line is there once, in order, ending with the last one written.
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => (oldest[0] ?? 0) + i));
    expect(kept.at(-1)).toBe(total - 1);
    for (const name of names) {
      expect((await readFile(join(dir, name))).length).toBeLessThanOrEqual(500);
    }
  });

  it('appends to the file a previous run left, counting its size', async () => {
    const file = join(dir, 'marquee.log');
    const first = rotatingFile({ file, maxBytes: 150, keep: 3 });
    first.write(line(1));
    first.write(line(2));
    first.close();
    const second = rotatingFile({ file, maxBytes: 150, keep: 3 });
    second.write(line(3));
    second.close();
    expect(await readFile(join(dir, 'marquee.log.1'), 'utf8')).toBe(line(1) + line(2));
    expect(await readFile(file, 'utf8')).toBe(line(3));
  });

  it('drops a line when the log folder is gone, and writes again once it is back', async () => {
    const sub = join(dir, 'logs');
    const file = join(sub, 'marquee.log');
    const out = rotatingFile({ file, maxBytes: 10_000, keep: 1 });
    expect(() => out.write(line(1))).not.toThrow();
    expect(out.dropped()).toBe(1);
    await mkdir(sub);
    out.write(line(2));
    out.close();
    expect(await readFile(file, 'utf8')).toBe(line(2));
  });
});
