import { join } from 'node:path';
import pino from 'pino';
import type { Clock } from '../../src/host/clock';
import { DEFAULTS, type MarqueeConfig } from '../../src/host/config/configSchema';
import type { StartShowOptions } from '../../src/host/show/startShow';

/**
 * The config and startShow options of a show kept in one folder: `dir/playlist.json` (the caller writes it),
 * state, logs and cache below `dir`, the control socket `dir/control.sock`; a silent logger, no shared parts.
 * Tests spread their own settings over either half.
 */
export function showInFolder(
  dir: string,
  clock: Clock,
  silentMs = 30_000,
): Readonly<{ config: MarqueeConfig; options: StartShowOptions }> {
  return {
    config: {
      ...DEFAULTS,
      playlist: join(dir, 'playlist.json'),
      configFile: null,
      controlSocket: join(dir, 'control.sock'),
    },
    options: {
      paths: {
        config: join(dir, 'config'),
        state: join(dir, 'state'),
        logs: join(dir, 'logs'),
        cache: join(dir, 'cache'),
      },
      logger: pino({ level: 'silent' }),
      timing: { speed: 1, offsetMs: 0, clock, limits: { silentMs } },
      appRoot: dir,
      version: 'test',
      out: { write: () => true },
      parts: [],
    },
  };
}
