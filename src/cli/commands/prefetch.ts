import { type Command, Option } from 'commander';
import { z } from 'zod';
import { remoteAssetUrls } from '../../host/cache/assetRefs';
import {
  AssetCache,
  assetCacheDir,
  type PrefetchProgress,
  type PrefetchSummary,
} from '../../host/cache/assetCache';
import { parseAllowedNetworks } from '../../host/cache/addressPolicy';
import { type FetchPolicy, refuseUrl } from '../../host/cache/fetchAsset';
import { platformPaths } from '../../host/paths';
import { formatProblem, loadPlaylistFile } from '../../host/playlist/loadPlaylistFile';
import { assertNever } from '../../core/assertNever';

const PrefetchOptions = z.strictObject({
  cacheDir: z.string().min(1).optional(),
  maxCacheMb: z.coerce
    .number({ error: '--max-cache-mb must be a number of megabytes, e.g. 2048' })
    .positive('--max-cache-mb must be more than 0')
    .optional(),
  timeout: z.coerce
    .number({ error: '--timeout must be a number of seconds, e.g. 60' })
    .positive('--timeout must be more than 0 seconds')
    .optional(),
  testFetchFrom: z.string().optional(),
});

/** Registers `marquee prefetch <playlist>`: exit 0 when every remote asset is cached, 1 when some failed, 2 on bad input. */
export function registerPrefetch(program: Command): void {
  program
    .command('prefetch')
    .description(
      "Download the playlist's https:// assets into the offline cache ahead of the event, so the show never waits on the network.",
    )
    .argument('<playlist.json>', 'the playlist whose assets to fetch')
    .option('--cache-dir <dir>', `cache folder (default: ${assetCacheDir(platformPaths().cache)})`)
    .option(
      '--max-cache-mb <mb>',
      'size limit of the cache; older assets not in this playlist go first (default 2048)',
    )
    .option('--timeout <seconds>', 'give up on one file after this long (default 60)')
    .addOption(
      new Option(
        '--test-fetch-from <origin>',
        'tests only: fetch every https URL from this loopback http origin',
      ).hideHelp(),
    )
    .action(async (file: string, raw: unknown) => {
      process.exitCode = await prefetch(file, raw);
    });
}

async function prefetch(file: string, raw: unknown): Promise<number> {
  const parsed = PrefetchOptions.safeParse(raw);
  if (!parsed.success) {
    process.stderr.write(`marquee prefetch: ${parsed.error.issues.map((i) => i.message).join('; ')}\n`);
    return 2;
  }
  const options = parsed.data;
  const testOrigin = options.testFetchFrom;
  if (testOrigin !== undefined && refuseUrl(testOrigin, { allowHttpLoopback: true }) !== null) {
    process.stderr.write(`marquee prefetch: --test-fetch-from must be an http://127.0.0.1:PORT origin\n`);
    return 2;
  }
  const loaded = await loadPlaylistFile(file);
  if (loaded.kind === 'unreadable') {
    process.stderr.write(`${loaded.message}\n`);
    return 2;
  }
  if (loaded.kind === 'invalid') {
    process.stderr.write(
      `${loaded.problems.map((p) => formatProblem(file, p)).join('\n')}\nFix the playlist (marquee validate ${file}) and run prefetch again.\n`,
    );
    return 2;
  }
  const urls = remoteAssetUrls(loaded.playlist);
  if (urls.length === 0) {
    process.stdout.write(`${file} has no https:// assets; nothing to fetch.\n`);
    return 0;
  }
  const dir = options.cacheDir ?? assetCacheDir(platformPaths().cache);
  const cache = await AssetCache.open({
    dir,
    ...(options.maxCacheMb === undefined
      ? {}
      : { maxTotalBytes: Math.round(options.maxCacheMb * 1024 * 1024) }),
    policy: {
      ...(options.timeout === undefined ? {} : { timeoutMs: options.timeout * 1000 }),
      ...(testOrigin === undefined ? {} : testRouting(testOrigin)),
    },
  });
  const tty = process.stdout.isTTY === true;
  process.stdout.write(`Fetching ${urls.length} remote asset${urls.length === 1 ? '' : 's'} into ${dir}\n`);
  const summary = await cache.prefetch(urls, tty ? progressBar(process.stdout.columns || 80) : progressLine);
  if (tty) process.stdout.write('\r\u001b[2K');
  process.stdout.write(summaryText(summary, cache.totalBytes()));
  return summary.failed.length === 0 ? 0 : 1;
}

/** Why: tests serve assets from 127.0.0.1 and never reach the internet; only loopback origins are accepted. */
function testRouting(origin: string): Partial<FetchPolicy> {
  const base = new URL(origin);
  return {
    allowHttpLoopback: true,
    allowedNetworks: parseLoopback(base.hostname),
    route: (url) => (url.protocol === 'https:' ? new URL(`${url.pathname}${url.search}`, base) : url),
  };
}

function parseLoopback(hostname: string): FetchPolicy['allowedNetworks'] {
  const parsed = parseAllowedNetworks([
    hostname === 'localhost' ? '127.0.0.1' : hostname.replace(/^\[|\]$/g, ''),
  ]);
  return parsed.ok ? parsed.networks : [];
}

function progressLine({ done, total, last }: PrefetchProgress): void {
  const n = `${String(done).padStart(String(total).length)}/${total}`;
  switch (last.outcome) {
    case 'fetched':
      process.stdout.write(`${n}  fetched  ${bytes(last.size).padStart(9)}  ${last.url}\n`);
      return;
    case 'cached':
      process.stdout.write(`${n}  cached   ${bytes(last.size).padStart(9)}  ${last.url}\n`);
      return;
    case 'failed':
      process.stdout.write(
        `${n}  FAILED              ${last.url}\n${' '.repeat(n.length)}  ${last.reason}\n`,
      );
      return;
    default:
      assertNever(last);
  }
}

function progressBar(columns: number): (progress: PrefetchProgress) => void {
  return ({ done, total, last }) => {
    const width = 24;
    const filled = Math.round((done / total) * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  `;
    const room = Math.max(16, columns - bar.length - 1);
    const name = last.url.length > room ? `…${last.url.slice(-(room - 1))}` : last.url;
    if (last.outcome === 'failed')
      process.stdout.write(`\r\u001b[2KFAILED  ${last.url}\n        ${last.reason}\n`);
    process.stdout.write(`\r\u001b[2K${bar}${name}`);
  };
}

function summaryText(summary: PrefetchSummary, totalBytes: number): string {
  const lines = [
    `${summary.fetched} fetched, ${summary.alreadyCached} already cached, ${summary.failed.length} failed (cache: ${bytes(totalBytes)})`,
  ];
  for (const f of summary.failed) lines.push(`  ✖ ${f.url}\n    ${f.reason}`);
  if (summary.failed.length > 0) {
    lines.push(
      'Slides with these assets show a placeholder until they are cached; the kiosk keeps retrying.',
    );
  }
  return `${lines.join('\n')}\n`;
}

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
