import { dirname, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { formatAgendaSummary, summarizeAgenda } from '../../core/agenda/agendaSummary';
import { FEED_FORMATS } from '../../core/agenda/feedTypes';
import { parseFeed } from '../../core/agenda/parseFeed';
import { toSessions } from '../../core/agenda/toSessions';
import { withSessions } from '../../core/agenda/withSessions';
import { parsePlaylist } from '../../core/playlist/parsePlaylist';
import type { Playlist } from '../../core/playlist/types';
import { isKnownTimeZone } from '../../core/time/zonedTime';
import { fetchFeed } from '../../host/agenda/fetchFeed';
import { type AllowedNetworks, parseAllowedNetworks } from '../../host/cache/addressPolicy';
import { DEFAULT_FETCH_POLICY } from '../../host/cache/fetchAsset';
import { assetExistsIn, formatProblem, loadPlaylistFile } from '../../host/playlist/loadPlaylistFile';

/** `--allowed-asset-networks` (or MARQUEE_ALLOWED_ASSET_NETWORKS): the conference's own schedule server inside the venue. */
const NetworksOption = z.string().transform((text, ctx): AllowedNetworks => {
  const parsed = parseAllowedNetworks(text.split(',').filter((entry) => entry.trim() !== ''));
  if (parsed.ok) return parsed.networks;
  ctx.addIssue({ code: 'custom', message: `--allowed-asset-networks: ${parsed.message}` });
  return z.NEVER;
});

const ImportOptions = z.strictObject({
  allowedAssetNetworks: NetworksOption.optional(),
  format: z.enum(FEED_FORMATS).optional(),
  into: z.string().min(1).optional(),
  timezone: z
    .string()
    .refine(isKnownTimeZone, { message: '--timezone must be an IANA zone such as "Europe/Berlin"' })
    .optional(),
});

/** Registers `marquee agenda import FILE|URL`: exit 0 when imported, 1 when the playlist would not be valid, 2 on bad input. */
export function registerAgenda(program: Command): void {
  const agenda = program
    .command('agenda')
    .description('Work with the agenda from a conference schedule export.');
  agenda
    .command('import')
    .description(
      "Read a schedule export (frab XML, frab/pretalx JSON or iCalendar) and write its sessions into the playlist's `sessions`, or print them.",
    )
    .argument('<file-or-url>', 'the schedule export: a file, or an https:// URL')
    .addOption(
      new Option('--format <format>', 'the format, when detecting it from the content is not enough').choices(
        FEED_FORMATS,
      ),
    )
    .option('--into <playlist.json>', 'write the sessions into this playlist (comments and formatting kept)')
    .option('--timezone <zone>', 'event timezone when there is no --into playlist (default: the feed’s own)')
    .addOption(
      new Option(
        '--allowed-asset-networks <list>',
        "internal addresses or ADDRESS/BITS networks the export may come from (the conference's own server), comma-separated",
      ).env('MARQUEE_ALLOWED_ASSET_NETWORKS'),
    )
    .action(async (source: string, raw: unknown) => {
      process.exitCode = await importAgenda(source, raw);
    });
}

async function importAgenda(source: string, raw: unknown): Promise<number> {
  const parsedOptions = ImportOptions.safeParse(raw);
  if (!parsedOptions.success) return fail(parsedOptions.error.issues.map((i) => i.message).join('\n'));
  const options = parsedOptions.data;
  let playlist: Playlist | null = null;
  let playlistText = '';
  if (options.into !== undefined) {
    const loaded = await loadPlaylistFile(options.into);
    if (loaded.kind === 'unreadable') return fail(loaded.message);
    if (loaded.kind === 'invalid') {
      return fail(
        `${loaded.problems.map((p) => formatProblem(options.into ?? '', p)).join('\n')}\nfix the playlist first, then import again`,
      );
    }
    playlist = loaded.playlist;
    playlistText = loaded.text;
  }
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(source);
  const fetched = await fetchFeed(isUrl ? { url: source } : { file: source, baseDir: process.cwd() }, {
    ...DEFAULT_FETCH_POLICY,
    timeoutMs: 30_000,
    maxBytes: 50 * 1024 * 1024,
    allowedNetworks: options.allowedAssetNetworks ?? [],
    // Why: as the live feed does, plain http only to a loopback address the venue allowed.
    allowHttpLoopback: true,
  });
  if (fetched.kind !== 'fresh') {
    const reason = fetched.kind === 'failed' ? fetched.reason : 'no content';
    const hint = reason.includes('allowedAssetNetworks') ? ' (here: --allowed-asset-networks)' : '';
    return fail(`cannot read ${source}: ${reason}${hint}`);
  }
  const parsed = parseFeed(fetched.text, {
    timeZone: options.timezone ?? playlist?.event.timezone ?? 'UTC',
    format: options.format,
  });
  if (!parsed.ok) return fail(`${source}: ${parsed.message}`);
  const timeZone = playlist?.event.timezone ?? options.timezone ?? parsed.feed.timeZone ?? 'UTC';
  const { sessions, problems } = toSessions(parsed.feed.sessions, {
    timeZone,
    rooms: playlist?.sessionsFrom?.rooms,
  });
  const summary = formatAgendaSummary(
    summarizeAgenda(sessions),
    [...parsed.feed.problems, ...problems],
    timeZone,
  );
  const header = `${source}: ${parsed.feed.format}${parsed.feed.title === null ? '' : ` "${parsed.feed.title}"`}`;
  if (options.into === undefined) {
    process.stdout.write(`${JSON.stringify(sessions, null, 2)}\n`);
    process.stderr.write(`${[header, ...summary].join('\n')}\n`);
    return 0;
  }
  const file = resolve(options.into);
  const text = withSessions(playlistText, sessions);
  const check = parsePlaylist(text, { fileName: file, assetExists: assetExistsIn(dirname(file)) });
  if (!check.ok) {
    process.stdout.write(`${[header, ...summary].join('\n')}\n`);
    process.stderr.write(
      `${check.problems.map((p) => formatProblem(file, p)).join('\n')}\n✖ not written: with these sessions ${file} would not be valid\n`,
    );
    return 1;
  }
  await writeFileAtomic(file, text);
  process.stdout.write(
    `${[header, ...summary, `✔ wrote ${sessions.length} sessions into ${file}`].join('\n')}\n`,
  );
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}
