import { resolve } from 'node:path';
import type { HealthAgenda } from '../../core/channels/healthContract';
import type { Playlist, SessionsFrom } from '../../core/playlist/types';
import type { ShowView } from '../../core/view/showView';
import { DEFAULT_FETCH_POLICY, type FetchPolicy } from '../cache/fetchAsset';
import type { Clock, TimerHandle } from '../clock';
import { agendaFile, loadAgenda, type SavedAgenda, saveAgenda } from './agendaStore';
import { type FeedFetch, fetchFeed } from './fetchFeed';

/** The part of a PlayerHost the feed needs (a PlayerHost fits). */
export interface AgendaHost {
  readonly screen: string;
  readonly playlist: Playlist;
  readonly playlistDir: string;
  onView(listener: (view: ShowView) => void): () => void;
  /** Sends the view again: the agenda in it changed. */
  refreshView(): void;
}

/** Where the feed reports; a pino logger fits. */
export type AgendaLog = Readonly<{
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}>;

/** Options of `startAgendaFeed`. */
export type AgendaFeedOptions = Readonly<{
  host: AgendaHost;
  clock: Clock;
  log: AgendaLog;
  /** Where the last good agenda is kept across restarts; null: not kept. */
  stateDir: string | null;
  /** The asset cache's limits and address guard (its `allowedNetworks`); the timeout follows the refresh. */
  policy?: Partial<FetchPolicy>;
}>;

/** The live agenda: a view stage that puts the feed's sessions on screen, its health, and its stop. */
export type AgendaFeed = Readonly<{
  stage: (view: ShowView) => ShowView;
  health(): HealthAgenda | null;
  /** Fetches now (tests and `ctl` may ask); resolves when the fetch is handled. */
  refresh(): Promise<void>;
  stop(): void;
}>;

/** The refresh when `refreshSeconds` is not given. */
export const DEFAULT_REFRESH_SECONDS = 300;

/** Why: the largest feed a conference exports is a few MB; more is not a schedule. */
const MAX_FEED_BYTES = 20 * 1024 * 1024;

/** A feed as followed: its source as written, what it is read with, and its key (a change restarts it). */
type Followed = Readonly<{ from: SessionsFrom; key: string; source: string; timeZone: string }>;

/**
 * Follows the playlist's `sessionsFrom`: fetches it every `refreshSeconds` through the guarded path with
 * conditional requests, reads it with core/agenda and swaps the sessions on screen only for a feed that
 * reads well (at least one session); a feed that fails, hangs or turns to garbage keeps the last good
 * agenda, which is saved atomically and shown again after a restart. Never throws.
 */
export async function startAgendaFeed(options: AgendaFeedOptions): Promise<AgendaFeed> {
  const { host, clock, log } = options;
  const file = options.stateDir === null ? null : agendaFile(options.stateDir, host.screen);
  const saved = file === null ? null : await loadAgenda(file, (m) => log.warn({ file }, m));
  let followed: Followed | null = null;
  let good: SavedAgenda | null = null;
  let problem: { message: string; since: number } | null = null;
  let lastCheckAt: number | null = null;
  let timer: TimerHandle | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const followedOf = (playlist: Playlist): Followed | null => {
    const from = playlist.sessionsFrom;
    if (from === undefined) return null;
    const source = from.url ?? resolve(host.playlistDir, from.file ?? '');
    const timeZone = playlist.event.timezone;
    return { from, source, timeZone, key: JSON.stringify([source, timeZone, from.format, from.rooms]) };
  };

  const schedule = (): void => {
    timer?.cancel();
    timer = null;
    if (stopped || followed === null) return;
    timer = clock.setTimer((followed.from.refreshSeconds ?? DEFAULT_REFRESH_SECONDS) * 1000, () => {
      timer = null;
      void refresh();
    });
  };

  const fail = (feed: Followed, message: string): void => {
    if (problem === null) {
      problem = { message, since: clock.now() };
      log.warn(
        { source: feed.source, problem: message },
        `the agenda feed ${feed.source} ${message}; the last good agenda stays on screen`,
      );
    } else if (problem.message !== message) {
      problem = { message, since: problem.since };
      log.warn({ source: feed.source, problem: message }, `the agenda feed ${feed.source} ${message}`);
    }
  };

  const handle = async (feed: Followed, fetched: FeedFetch): Promise<void> => {
    if (fetched.kind === 'failed') return fail(feed, `cannot be fetched: ${fetched.reason}`);
    if (fetched.kind === 'not-modified') {
      if (good !== null && good.source === feed.key) problem = null;
      return;
    }
    // Why: loaded with the first feed, so a show without `sessionsFrom` never compiles the feed parsers at start.
    const { readAgenda } = await import('../../core/agenda/readAgenda');
    const read = readAgenda(fetched.text, {
      timeZone: feed.timeZone,
      format: feed.from.format,
      rooms: feed.from.rooms,
    });
    if (!read.ok) return fail(feed, `does not read: ${read.message}`);
    if (read.sessions.length === 0) {
      return fail(feed, `has no sessions Marquee can show (${read.problems.length} entries skipped)`);
    }
    const next: SavedAgenda = {
      version: 1,
      source: feed.key,
      fetchedAt: clock.now(),
      skipped: read.problems.length,
      validators: fetched.validators,
      sessions: [...read.sessions],
    };
    const changed = good === null || JSON.stringify(good.sessions) !== JSON.stringify(next.sessions);
    good = next;
    if (problem !== null)
      log.info({ source: feed.source }, `the agenda feed ${feed.source} reads well again`);
    problem = null;
    if (changed) {
      log.info(
        { source: feed.source, sessions: next.sessions.length, skipped: next.skipped },
        `agenda from ${feed.source}: ${next.sessions.length} sessions`,
      );
      host.refreshView();
    }
    if (file !== null && options.stateDir !== null) {
      await saveAgenda(file, options.stateDir, next).catch((err: unknown) =>
        log.warn({ file, err: String(err) }, `could not save the agenda to ${file}; it is kept in memory`),
      );
    }
  };

  const refresh = (): Promise<void> => {
    if (running !== null) return running;
    const feed = followed;
    if (feed === null || stopped) return Promise.resolve();
    const refreshMs = (feed.from.refreshSeconds ?? DEFAULT_REFRESH_SECONDS) * 1000;
    const policy: FetchPolicy = {
      ...DEFAULT_FETCH_POLICY,
      maxBytes: MAX_FEED_BYTES,
      ...options.policy,
      // Why: a feed that hangs must not hold the next refresh back; plain http only on allowed loopback.
      timeoutMs: Math.min(30_000, Math.max(2_000, refreshMs)),
      allowHttpLoopback: true,
    };
    const validators = good !== null && good.source === feed.key ? good.validators : undefined;
    const location =
      feed.from.url !== undefined ? { url: feed.from.url } : { file: feed.source, baseDir: '/' };
    running = (async () => {
      lastCheckAt = clock.now();
      try {
        const fetched = await fetchFeed(location, policy, validators);
        if (!stopped && followed?.key === feed.key) await handle(feed, fetched);
      } catch (err) {
        fail(feed, `could not be handled: ${String(err)}`);
      } finally {
        running = null;
        schedule();
      }
    })();
    return running;
  };

  const follow = (playlist: Playlist): void => {
    const next = followedOf(playlist);
    if (next?.key === followed?.key) return;
    followed = next;
    problem = null;
    lastCheckAt = null;
    if (good !== null && good.source !== next?.key) {
      good = null;
      host.refreshView();
    }
    if (next !== null) void refresh();
    else schedule();
  };

  const first = followedOf(host.playlist);
  if (saved !== null && first !== null && saved.source === first.key) good = saved;
  follow(host.playlist);
  const offView = host.onView(() => follow(host.playlist));

  return {
    stage: (view) => (good === null || followed === null ? view : { ...view, sessions: good.sessions }),
    health: () =>
      followed === null
        ? null
        : {
            source: followed.source,
            ok: problem === null,
            sessions: good?.sessions.length ?? 0,
            skipped: good?.skipped ?? 0,
            lastGoodAt: good?.fetchedAt ?? null,
            lastCheckAt,
            problem,
          },
    refresh,
    stop: () => {
      stopped = true;
      timer?.cancel();
      timer = null;
      offView();
    },
  };
}
