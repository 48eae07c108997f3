import { mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FileWatch, watchFile } from '../../../src/host/watch/watchFile';

let dir: string;
let file: string;
let watch: FileWatch | null = null;
let calls = 0;

const waitForCalls = async (n: number): Promise<void> => {
  const until = Date.now() + 5000;
  while (calls < n && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-watch-'));
  file = join(dir, 'playlist.json');
  await writeFile(file, '{}');
  calls = 0;
  watch = watchFile(file, () => calls++, 50);
  await watch.ready;
});
afterEach(async () => {
  await watch?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('watchFile', () => {
  it('reports a write in place', async () => {
    await writeFile(file, '{"a":1}');
    await waitForCalls(1);
    expect(calls).toBe(1);
  });

  it('reports an editor-style save that renames a new file over the old one', async () => {
    await writeFile(join(dir, '.playlist.json.swp'), '{"b":2}');
    await rename(join(dir, '.playlist.json.swp'), file);
    await waitForCalls(1);
    expect(calls).toBeGreaterThanOrEqual(1);
  });

  it('coalesces a burst of writes into one call', async () => {
    await watch?.close();
    // Why: a longer debounce than the other tests, so a slow, loaded machine still sees one burst.
    watch = watchFile(file, () => calls++, 500);
    await watch.ready;
    for (let i = 0; i < 5; i++) await writeFile(file, `{"n":${i}}`);
    await waitForCalls(1);
    await new Promise((r) => setTimeout(r, 800));
    expect(calls).toBe(1);
  });

  it('ignores other files in the folder', async () => {
    await writeFile(join(dir, 'logo.svg'), '<svg/>');
    await new Promise((r) => setTimeout(r, 400));
    expect(calls).toBe(0);
  });

  it('reports a delete and a re-create', async () => {
    await unlink(file);
    await waitForCalls(1);
    await writeFile(file, '{}');
    await waitForCalls(2);
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
