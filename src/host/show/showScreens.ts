import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { MarqueeConfig } from '../config/configSchema';
import type { ScreenIdentity } from '../kiosk/displayScreens';
import { PlayerHost } from '../PlayerHost';
import type { PlatformPaths } from '../paths';
import { createImpressionSink, type ImpressionSinkHandle, proofOfPlayDir } from '../proof/impressionLog';
import type { Lifetime } from './lifetime';

/** One screen of the show: its name and groups, its own player and its own proof of play. */
export type ShowScreen = Readonly<{
  name: string;
  groups: readonly string[];
  host: PlayerHost;
  proof: ImpressionSinkHandle;
}>;

/** What starting the screens needs from `startShow`. */
export type ScreenStartOptions = Readonly<{
  config: MarqueeConfig;
  paths: PlatformPaths;
  logger: Logger;
  clock: Clock;
  assetBase?: string;
  lifetime: Lifetime;
}>;

/** The screens of a show without a `displays` plan: the machine's own screen alone. */
export function ownScreen(config: MarqueeConfig): readonly ScreenIdentity[] {
  return [{ screen: config.screen, groups: config.groups }];
}

/**
 * Starts one player per screen, each with its own proof-of-play sink, saved position and `on` audience, all
 * playing the same playlist file; the first screen is the show's main one (the wall, if any, is its). Every
 * player and sink joins `lifetime`. Throws `PlaylistStartError` from the first player that cannot start.
 */
export async function startScreens(
  identities: readonly ScreenIdentity[],
  options: ScreenStartOptions,
): Promise<readonly [ShowScreen, ...ShowScreen[]]> {
  const { config, paths, logger, clock, lifetime } = options;
  const screens: ShowScreen[] = [];
  for (const [index, identity] of (identities.length === 0 ? ownScreen(config) : identities).entries()) {
    let host: PlayerHost | null = null;
    const proof = createImpressionSink({
      dir: proofOfPlayDir(paths.state),
      screen: identity.screen,
      playlistLookup: () => host?.playlist ?? null,
      log: logger,
    });
    lifetime.add(`proof of play (${identity.screen})`, () => proof.flush());
    host = await PlayerHost.start({
      playlistFile: config.playlist,
      screen: identity.screen,
      groups: identity.groups,
      // Why: the wall setting places this machine's own screen; the other displays are screens of their own.
      wall: index === 0 ? (config.wall?.name ?? null) : null,
      stateDir: paths.state,
      logger: identities.length > 1 ? logger.child({ screen: identity.screen }) : logger,
      clock,
      keyboard: config.keyboard,
      maxPlaylistBytes: config.maxPlaylistMb * 1024 * 1024,
      ...(options.assetBase === undefined ? {} : { assetBase: options.assetBase }),
      onPlayed: (impression) => proof(impression),
    });
    const player = host;
    lifetime.add(`player (${identity.screen})`, () => player.stop());
    screens.push({ name: identity.screen, groups: identity.groups, host: player, proof });
  }
  const [first, ...rest] = screens;
  if (first === undefined) throw new Error('startScreens: no screen to start');
  return [first, ...rest];
}
