import type { z } from 'zod';
import type {
  Health,
  HealthCache,
  HealthAgenda,
  HealthDisplay,
  HealthProof,
  HealthSlide,
} from '../../core/channels/healthContract';

/** Everything `buildHealth` reads; gathered by the show monitor (or a test). */
export type HealthInputs = Readonly<{
  version: string;
  now: number;
  status: Readonly<{
    screen: string;
    playlistFile: string;
    startedAt: number;
    seq: number;
    slide: z.infer<typeof HealthSlide> | null;
    paused: boolean;
    blackout: boolean;
    playlistStatus:
      | Readonly<{ ok: true; loadedAt: number }>
      | Readonly<{ ok: false; messages: readonly string[]; at: number }>;
  }>;
  lastError: Readonly<{ message: string; at: number }> | null;
  renderers: Readonly<{
    connected: number;
    lastAckAt: number | null;
    acknowledgedSeq: number | null;
    changes: number;
    acknowledged: number;
    missed: number;
    watchdogReloads: number;
    /** Whether the watchdog finds the renderers silent now. */
    stale: boolean;
  }>;
  cache: z.infer<typeof HealthCache> | null;
  proof: z.infer<typeof HealthProof> | null;
  memory: Readonly<{ rssBytes: number; heapUsedBytes: number }>;
  agenda?: z.infer<typeof HealthAgenda> | null;
  screenWatch?: Health['screenWatch'];
  electron?: Readonly<{ displays?: z.infer<typeof HealthDisplay>[]; gpu?: Record<string, string> }>;
}>;

/** Puts the host's figures together into the `Health` answer; pure. */
export function buildHealth(inputs: HealthInputs): Health {
  const { status, renderers, now } = inputs;
  const playlistStatus = status.playlistStatus;
  const playlist: Health['playlist'] = playlistStatus.ok
    ? { ok: true, file: status.playlistFile, loadedAt: playlistStatus.loadedAt }
    : {
        ok: false,
        file: status.playlistFile,
        problems: playlistStatus.messages.length,
        firstProblem: playlistStatus.messages[0] ?? `${status.playlistFile}: refused (no details)`,
        at: playlistStatus.at,
      };
  return {
    ok: true,
    healthy:
      playlist.ok &&
      inputs.agenda?.ok !== false &&
      renderers.connected > 0 &&
      !renderers.stale &&
      inputs.screenWatch?.verdict !== 'dark' &&
      inputs.screenWatch?.verdict !== 'frozen',
    name: 'marquee',
    version: inputs.version,
    screen: status.screen,
    screens: [status.screen],
    startedAt: status.startedAt,
    uptimeMs: Math.max(0, now - status.startedAt),
    seq: status.seq,
    slide: status.slide,
    paused: status.paused,
    blackout: status.blackout,
    playlist,
    lastError: inputs.lastError,
    renderers: {
      connected: renderers.connected,
      lastAckAgeMs: renderers.lastAckAt === null ? null : Math.max(0, now - renderers.lastAckAt),
      acknowledgedSeq: renderers.acknowledgedSeq,
      changes: renderers.changes,
      acknowledged: renderers.acknowledged,
      missed: renderers.missed,
      watchdogReloads: renderers.watchdogReloads,
    },
    cache: inputs.cache,
    proof: inputs.proof,
    memory: inputs.memory,
    ...(inputs.agenda == null ? {} : { agenda: inputs.agenda }),
    ...(inputs.screenWatch === undefined ? {} : { screenWatch: inputs.screenWatch }),
    ...(inputs.electron?.displays === undefined ? {} : { displays: inputs.electron.displays }),
    ...(inputs.electron?.gpu === undefined ? {} : { gpu: inputs.electron.gpu }),
  };
}
