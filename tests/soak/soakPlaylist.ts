import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Playlist, Slide } from '../../src/core/playlist/types';

const DEMO = join(import.meta.dirname, '..', '..', 'assets', 'demo');

/** The demo's artwork folders, copied next to a generated playlist. */
const ARTWORK = ['images', 'logos', 'speakers', 'video', 'logo.svg'] as const;

/**
 * Writes into `dir` a copy of the demo show (every slide type, its artwork) made for fast runs: every slide
 * lasts `seconds`, plays at any time (no `when`), cuts in (every fifth fades, so transitions are exercised too),
 * and the video has a fixed duration. Returns the playlist file.
 */
export async function writeFastDemo(dir: string, seconds = 1): Promise<string> {
  const demo = JSON.parse(await readFile(join(DEMO, 'playlist.json'), 'utf8')) as Playlist & {
    $schema?: string;
  };
  const { $schema: _schema, ...rest } = demo;
  const slides = demo.slides
    .filter((s) => s.enabled !== false)
    .map((slide, i): Slide => {
      const { when: _when, ...always } = slide;
      return { ...always, duration: seconds, transition: i % 5 === 4 ? 'fade' : 'cut' } as Slide;
    });
  const playlist: Playlist = { ...rest, defaults: { ...rest.defaults, duration: seconds }, slides };
  for (const name of ARTWORK) await cp(join(DEMO, name), join(dir, name), { recursive: true });
  const file = join(dir, 'playlist.json');
  await writeFile(file, `${JSON.stringify(playlist, null, 2)}\n`);
  return file;
}

/** The slide types of a playlist, each once. */
export function slideTypes(playlist: Playlist): readonly string[] {
  return [...new Set(playlist.slides.map((s) => s.type))].sort();
}
