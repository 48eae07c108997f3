import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ShowView } from '../../core/view/showView';
import { previewViews } from '../../core/view/previewViews';
import { localDateTimeToInstant } from '../../core/time/zonedTime';
import { appRoot } from '../../host/appRoot';
import { findChromium, HEADLESS_CHROMIUM_ARGS } from '../../host/chromium/findChromium';
import { startPreviewServer } from '../../host/http/previewServer';
import { formatProblem, loadPlaylistFile } from '../../host/playlist/loadPlaylistFile';

const RENDERER_DIST = join(appRoot(), 'dist', 'renderer');

/** How long one slide may take to draw (images decoded, text fitted) before it is reported and skipped. */
const SLIDE_TIMEOUT_MS = 60_000;

/** Options of `marquee render`, as commander hands them over. */
type RenderOptions = Readonly<{ out: string; size: string; slide?: string; at?: string }>;

/** Parses `WxH` (e.g. 1920x1080) into a viewport; null when it is not two whole numbers from 200 to 8192. */
export function parseSize(text: string): { width: number; height: number } | null {
  const m = /^(\d{3,4})x(\d{3,4})$/i.exec(text.trim());
  if (!m) return null;
  const width = Number(m[1]);
  const height = Number(m[2]);
  const ok = (n: number): boolean => n >= 200 && n <= 8192;
  return ok(width) && ok(height) ? { width, height } : null;
}

/** The file name of one slide's picture: its 1-based position (2 digits at least) and id. */
export function pictureName(view: ShowView): string {
  const position = String(view.position?.index ?? 0).padStart(2, '0');
  return `${position}-${view.slide?.id ?? 'idle'}.png`;
}

/** Registers `marquee render <playlist> --out DIR [--size WxH] [--slide ID] [--at TIME]`. */
export function registerRender(program: Command): void {
  program
    .command('render')
    .description('Draw every slide of a playlist (or one) to PNG files with a headless Chromium.')
    .argument('<playlist.json>', 'the playlist to draw')
    .requiredOption('--out <dir>', 'folder to write <nn>-<slide id>.png into (created if missing)')
    .option('--size <WxH>', 'screen size in pixels, e.g. 1920x1080, 3840x2160 or 1080x1920', '1920x1080')
    .option('--slide <id>', 'draw only the slide with this id')
    .option(
      '--at <YYYY-MM-DDTHH:MM>',
      'the moment to draw (clocks, schedules, countdowns), in the event timezone; default now',
    )
    .action(async (file: string, options: RenderOptions) => {
      process.exitCode = await render(file, options);
    });
}

async function render(file: string, options: RenderOptions): Promise<number> {
  const size = parseSize(options.size);
  if (size === null) {
    process.stderr.write(
      `--size ${options.size}: write it as WIDTHxHEIGHT in pixels, e.g. --size 1920x1080\n`,
    );
    return 2;
  }
  const loaded = await loadPlaylistFile(file);
  if (loaded.kind === 'unreadable') {
    process.stderr.write(`${loaded.message}\n`);
    return 2;
  }
  if (loaded.kind === 'invalid') {
    process.stderr.write(`${loaded.problems.map((p) => formatProblem(file, p)).join('\n')}\n`);
    process.stderr.write(
      `✖ ${file} has problems; fix them (see \`marquee validate ${file}\`) and render again.\n`,
    );
    return 1;
  }
  const { playlist, dir } = loaded;
  let now = Date.now();
  if (options.at !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(options.at)) {
      process.stderr.write(
        `--at ${options.at}: write it as YYYY-MM-DDTHH:MM in the event timezone, e.g. --at 2018-12-20T10:05\n`,
      );
      return 2;
    }
    now = localDateTimeToInstant(options.at, playlist.event.timezone);
  }
  const views = previewViews(playlist, now, { assetBase: '/media/', screen: 'render' });
  const wanted = options.slide === undefined ? views : views.filter((v) => v.slide?.id === options.slide);
  if (wanted.length === 0) {
    const ids = views.map((v) => v.slide?.id ?? 'idle').join(', ');
    process.stderr.write(
      `--slide ${options.slide}: no slide with that id in ${file}; its slides are: ${ids}\n`,
    );
    return 2;
  }
  if (!existsSync(join(RENDERER_DIST, 'index.html'))) {
    process.stderr.write(
      `The kiosk page is not built (${RENDERER_DIST}/index.html is missing). Run: npm run build\n`,
    );
    return 2;
  }
  let executablePath: string;
  try {
    executablePath = findChromium();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });
  // Why: loaded here, not at the top: every `marquee` command registers render, and playwright-core takes seconds to load.
  const { chromium } = await import('playwright-core');
  const server = await startPreviewServer({ rendererRoot: RENDERER_DIST, playlistDir: dir, views });
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...HEADLESS_CHROMIUM_ARGS],
  });
  let failures = 0;
  try {
    const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
    for (const view of wanted) {
      const id = view.slide?.id ?? 'idle';
      await page.goto(`${server.url}?render=${encodeURIComponent(id)}`);
      try {
        await page.waitForSelector('html[data-render-ready]', { timeout: SLIDE_TIMEOUT_MS });
      } catch {
        failures++;
        process.stderr.write(
          `${id}: not drawn within ${SLIDE_TIMEOUT_MS / 1000} s (a busy machine, or an asset that never loads); the other slides go on\n`,
        );
        continue;
      }
      const error = await page.locator('html').getAttribute('data-render-error');
      if (error !== null) {
        failures++;
        process.stderr.write(`${id}: ${error}\n`);
        continue;
      }
      const target = join(out, pictureName(view));
      await page.screenshot({ path: target });
      process.stdout.write(`${target}\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return failures === 0 ? 0 : 1;
}
