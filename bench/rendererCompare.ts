// A/B of two renderer builds in one Chromium, one run: transitions alternate between build A and build B (and an
// idle window, the machine's noise), so a loaded machine weighs on both alike. Per transition type and per slide it
// prints the long frames (> 20 ms) of each build.
// Usage: npx tsx bench/rendererCompare.ts --a DIR [--b DIR] [fade|slide|zoom|cut ...] [--runs N]
import { join } from 'node:path';
import type { TransitionName } from '../src/core/playlist/types';
import { startPreviewServer } from '../src/host/http/previewServer';
import { launchChromium } from '../tests/support/chromium';
import { ensureRendererBuilt, RENDERER_DIST } from '../tests/support/rendererBuild';
import { demoViews, type FrameCount, idleWindow, type Measured, median, openMarquee } from './rendererPage';

const root = join(import.meta.dirname, '..');
const DEMO = join(root, 'assets', 'demo');

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const dirA = option('--a');
if (dirA === undefined)
  throw new Error('rendererCompare: pass --a <built renderer folder> (the build to compare against)');
const dirB = option('--b') ?? RENDERER_DIST;
const runs = Number(option('--runs') ?? 30);
const picked = args.filter((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
const transitions = (picked.length > 0 ? picked : ['fade', 'slide', 'zoom', 'cut']) as TransitionName[];

const describe = (longs: readonly number[]): string =>
  `${median(longs)}/${Math.max(...longs)} (sum ${longs.reduce((a, b) => a + b, 0)})`;

if (option('--b') === undefined) ensureRendererBuilt();
const views = demoViews(DEMO);
const servers = await Promise.all(
  [dirA, dirB].map((dir) => startPreviewServer({ rendererRoot: dir, playlistDir: DEMO, views: [] })),
);
const chromium = await launchChromium();
try {
  const pages = await Promise.all(
    servers.map(() => chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } })),
  );
  const drivers = await Promise.all(pages.map((p, i) => openMarquee(p, servers[i]?.url ?? '', views)));
  for (const d of drivers) await d.show('cut');
  const idlePage = pages[0];
  for (const t of transitions) {
    const a: Measured[] = [];
    const b: Measured[] = [];
    const idle: FrameCount[] = [];
    const bySlide = new Map<string, { a: number; b: number }>();
    for (let i = 0; i < runs; i++) {
      const ra = await drivers[0]?.show(t);
      const rb = await drivers[1]?.show(t);
      if (idlePage !== undefined) idle.push(await idleWindow(idlePage, 800));
      if (ra === undefined || rb === undefined) continue;
      a.push(ra);
      b.push(rb);
      const id = views[ra.seq % views.length]?.slide?.id ?? 'idle';
      const s = bySlide.get(id) ?? { a: 0, b: 0 };
      bySlide.set(id, { a: s.a + ra.longMoving, b: s.b + rb.longMoving });
    }
    process.stdout.write(
      `${t.padEnd(6)} long frames median/worst: A ${describe(a.map((x) => x.long))} moving ${describe(a.map((x) => x.longMoving))}` +
        ` | B ${describe(b.map((x) => x.long))} moving ${describe(b.map((x) => x.longMoving))}` +
        ` | idle 800 ms ${describe(idle.map((x) => x.long))}\n` +
        `       long frames while moving, by slide (A/B): ${[...bySlide].map(([id, s]) => `${id} ${s.a}/${s.b}`).join(', ')}\n`,
    );
  }
} finally {
  await chromium.cleanup();
  await Promise.all(servers.map((s) => s.close()));
}
