import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowView } from '../../../src/core/view/showView';
import {
  type Harness,
  layoutProblems,
  openHarness,
  push,
  readPlaylist,
  SIZES,
  settle,
  viewsOf,
  waitShown,
} from './harness';
import { phraseBreakProblems } from './phraseBreaks';

const root = join(import.meta.dirname, '..', '..', '..');
const STRESS = join(root, 'tests', 'fixtures', 'playlists', 'valid', 'stress.json');
const DEMO = join(root, 'assets', 'demo', 'playlist.json');
const SCREENS = join(root, 'test-results', 'screens');

/** Views of a playlist for the layout sweep: cut transitions (nothing moving while measured) and an idle view. */
function sweep(file: string, seqBase: number): ShowView[] {
  const views = viewsOf(readPlaylist(file), seqBase).map((v) => ({ ...v, transition: 'cut' as const }));
  const first = views[0];
  if (first === undefined) return views;
  return [
    ...views,
    { ...first, seq: seqBase + 900, slide: null, position: null, durationMs: null, upcoming: null },
  ];
}

function label(view: ShowView): string {
  return view.slide === null ? 'idle' : `${view.slide.type}-${view.slide.id}`;
}

/** Paths of the two decks the layout sweep runs on. */
export const DECKS = { stress: STRESS, demo: DEMO } as const;

/**
 * Registers the layout sweep of one deck: every slide (and the idle screen) at the four sizes, each
 * text checked against its own box, the boxes that clip or frame it, and the stage (`layoutProblems`),
 * and every Chinese text for lines that break inside a phrase (`phraseBreakProblems`);
 * screenshots go to test-results/screens/<size>/ (the demo deck's are skipped at 4K: seconds each).
 */
export function sweepDeck(deck: keyof typeof DECKS, seqBase: number): void {
  const file = DECKS[deck];
  describe(`every slide of the ${deck} playlist fits the screen`, () => {
    let h: Harness;
    const run = existsSync(file);
    beforeAll(async () => {
      if (run) h = await openHarness(file);
    });
    afterAll(async () => {
      await h?.close();
    });

    for (const size of SIZES) {
      it.runIf(run)(
        `keeps every text inside its own box, its card and the stage, and Chinese phrases whole, at ${size.name}`,
        async () => {
          await h.page.setViewportSize({ width: size.width, height: size.height });
          const dir = join(SCREENS, size.name);
          mkdirSync(dir, { recursive: true });
          const problems: string[] = [];
          const views = sweep(file, seqBase + SIZES.indexOf(size) * 100);
          for (const view of views) {
            const t0 = Date.now();
            await push(h.page, view);
            await waitShown(h.page, view.seq);
            const t1 = Date.now();
            await settle(h.page);
            for (const p of await layoutProblems(h.page, view.seq)) problems.push(`${label(view)}: ${p}`);
            for (const p of await phraseBreakProblems(h.page, view.seq))
              problems.push(`${label(view)}: ${p}`);
            const t2 = Date.now();
            if (size.width < 3840 || deck === 'stress')
              await h.page.screenshot({ path: join(dir, `${deck}-${label(view)}.png`) });
            if (process.env.MARQUEE_TIMING)
              console.log(size.name, label(view), t1 - t0, t2 - t1, Date.now() - t2);
          }
          expect(problems).toEqual([]);
          expect(h.errors).toEqual([]);
        },
        300_000,
      );
    }
  });
}
