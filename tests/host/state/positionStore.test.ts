import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PositionStore, positionFile, type SavedPosition } from '../../../src/host/state/positionStore';

let dir: string;
const warnings: string[] = [];
const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line).msg) });
const position = (slideId: string, elapsedMs = 0): SavedPosition => ({
  version: 1,
  screen: 'main',
  playlistFile: '/p/playlist.json',
  slideId,
  elapsedMs,
  paused: false,
  blackout: true,
  savedAt: 1,
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-state-'));
  warnings.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('PositionStore', () => {
  it('reads back what it saved, creating the folder', async () => {
    const store = new PositionStore(join(dir, 'nested'), 'main', logger);
    await store.save(position('keynote-1', 1234));
    expect(await new PositionStore(join(dir, 'nested'), 'main', logger).load()).toEqual(
      position('keynote-1', 1234),
    );
  });

  it('writes only the newest of several positions saved while a write runs', async () => {
    const store = new PositionStore(dir, 'main', logger);
    const saves = [store.save(position('a')), store.save(position('b')), store.save(position('c'))];
    await Promise.all(saves);
    expect((await store.load())?.slideId).toBe('c');
  });

  it('keeps one file per screen, with a name safe for any file system', () => {
    expect(positionFile('/s', 'hall A/1')).toBe('/s/position-hall_20A_2f1.json');
  });

  it('returns null without a warning when nothing was saved yet', async () => {
    expect(await new PositionStore(dir, 'main', logger).load()).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('ignores a torn file with a warning instead of throwing', async () => {
    const store = new PositionStore(dir, 'main', logger);
    await writeFile(store.file, '{"version":1,"screen":"main","slideId":"keyn');
    expect(await store.load()).toBeNull();
    expect(warnings.join()).toMatch(/not valid JSON/);
  });

  it('ignores a file of the wrong shape with a warning', async () => {
    const store = new PositionStore(dir, 'main', logger);
    await writeFile(store.file, JSON.stringify({ version: 2, slideId: 7 }));
    expect(await store.load()).toBeNull();
    expect(warnings.join()).toMatch(/unexpected shape/);
  });

  it('leaves a parseable file when the writing process is killed mid-loop', async () => {
    for (let round = 0; round < 3; round++) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'writePositionsForever.ts'), dir],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
        child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
      });
      await new Promise((r) => setTimeout(r, 150 + round * 70));
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGKILL');
      await exited;
      const text = await readFile(positionFile(dir, 'main'), 'utf8');
      expect(() => JSON.parse(text)).not.toThrow();
      const loaded = await new PositionStore(dir, 'main', logger).load();
      expect(loaded?.slideId).toMatch(/^slide-\d+$/);
    }
    expect(warnings).toEqual([]);
    // Leftover temp files from the killed writes do not hide the real file.
    expect(await readdir(dir)).toContain('position-main.json');
  }, 120_000);
});
