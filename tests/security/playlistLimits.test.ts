import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlayerHost } from '../../src/host/PlayerHost';
import { noticePlaylist, numberedNotices } from '../support/noticePlaylist';
import { runMarquee } from '../support/runMarquee';

// Issue 11 §2: a playlist with one 50 MB string validated as correct, and serving it made every push
// tens of megabytes. Files over 5 MB and strings over a few thousand characters are refused.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-sec-limits-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const notices = (texts: readonly string[]) =>
  noticePlaylist(
    texts.map((text, i) => ({ id: `s${i}`, text })),
    { duration: 10 },
  );

/** A valid playlist of about `mb` megabytes: slides whose organiser notes fill it. */
function bigPlaylist(mb: number): string {
  const perSlide = 19_000;
  const slides = Math.ceil((mb * 1024 * 1024) / perSlide);
  const base = noticePlaylist(numberedNotices(slides), { duration: 10 });
  return JSON.stringify({ ...base, slides: base.slides.map((s) => ({ ...s, notes: 'n'.repeat(perSlide) })) });
}

// Why: each run starts a Node process; on a busy machine that can take seconds.
describe('playlist size limits', { timeout: 120_000 }, () => {
  it('reports a string over the text limit at its line and column', async () => {
    const file = join(dir, 'long-string.json');
    await writeFile(file, JSON.stringify(notices(['Welcome', 'x'.repeat(100_000)]), null, 2));
    const run = await runMarquee(['validate', file]);
    expect(run.stdout).toMatch(
      new RegExp(
        `${file}:\\d+:\\d+ {2}slides\\[1\\]\\.text {2}is too long: 100000 characters \\(at most 2000\\); shorten it`,
      ),
    );
    expect(run.code).toBe(1);
  });

  it('refuses a 50 MB string and a 20 MB playlist at 1:1 without reading them, unless the limit is raised', async () => {
    const huge = join(dir, 'huge-string.json');
    await writeFile(huge, JSON.stringify(notices(['x'.repeat(50 * 1024 * 1024)])));
    const big = join(dir, 'big.json');
    await writeFile(big, bigPlaylist(20));

    const hugeRun = await runMarquee(['validate', huge]);
    expect(hugeRun.stdout).toContain(`${huge}:1:1  the file is 50.0 MB, over the 5.0 MB a playlist may be`);
    expect(hugeRun.code).toBe(1);
    const bigRun = await runMarquee(['validate', '--json', big]);
    expect(JSON.parse(bigRun.stdout)).toEqual([
      { line: 1, column: 1, path: '', message: expect.stringContaining('raise the maxPlaylistMb setting') },
    ]);
    const raised = await runMarquee(['validate', '--max-playlist-mb', '25', big]);
    expect(raised.stdout).toMatch(/is valid: \d+ slides/);
    expect(raised.code).toBe(0);
  });

  it('keeps the last good playlist playing when the file grows past the limit', async () => {
    const file = join(dir, 'playing.json');
    await writeFile(file, JSON.stringify(notices(['One', 'Two'])));
    const host = await PlayerHost.start({
      playlistFile: file,
      watch: false,
      logger: pino({ level: 'silent' }),
    });
    try {
      await writeFile(file, bigPlaylist(6));
      const status = await host.reload();
      expect(status.ok).toBe(false);
      expect(host.status().playlistStatus).toMatchObject({
        ok: false,
        messages: [expect.stringMatching(/:1:1 {2}the file is 6\.\d MB, over the 5\.0 MB/)],
      });
      expect(host.playlist.slides.map((s) => s.id)).toEqual(['s0', 's1']);
    } finally {
      await host.stop();
    }
  });
});
