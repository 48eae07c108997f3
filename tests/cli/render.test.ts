import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../support/rendererBuild';
import { runMarquee } from '../support/runMarquee';

const DEMO = join(import.meta.dirname, '..', '..', 'assets', 'demo', 'playlist.json');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'marquee-render-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('marquee render', () => {
  it('draws the chosen slide as a PNG of the asked size through Chromium', async () => {
    ensureRendererBuilt();
    const shots = join(out, 'portrait');
    const result = await runMarquee([
      'render',
      DEMO,
      '--out',
      shots,
      '--size',
      '1080x1920',
      '--slide',
      'speaker-founder',
      '--at',
      '2018-12-20T10:05',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await readdir(shots)).toEqual(['04-speaker-founder.png']);
    const png = await readFile(join(shots, '04-speaker-founder.png'));
    expect(pngSize(png)).toEqual({ width: 1080, height: 1920 });
    // A one-colour frame of this size compresses to a few kilobytes; a drawn slide does not.
    expect(png.length).toBeGreaterThan(60_000);
  }, 180_000);

  it('refuses a size it cannot use and a slide the playlist lacks, naming the fix (exit 2)', async () => {
    const size = await runMarquee(['render', DEMO, '--out', out, '--size', '1920*1080']);
    expect(size.code).toBe(2);
    expect(size.stderr).toContain('--size 1920x1080');
    const slide = await runMarquee(['render', DEMO, '--out', out, '--slide', 'keynote-9']);
    expect(slide.code).toBe(2);
    expect(slide.stderr).toContain('no slide with that id');
    expect(slide.stderr).toContain('speaker-founder');
  }, 120_000);
});
