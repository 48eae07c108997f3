import { z } from 'zod';
import { type Clock, offsetClock, scaledClock, systemClock } from '../clock';
import { DEFAULT_WATCHDOG_LIMITS, type WatchdogLimits } from './watchdog';

/** The environment variable that makes `marquee serve` run its clock faster (tests and the soak run only). */
export const CLOCK_SPEED_ENV = 'MARQUEE_CLOCK_SPEED';

/** The environment variable that sets how long renderers may stay silent before a reload (host-clock ms). */
export const WATCHDOG_ENV = 'MARQUEE_WATCHDOG_MS';

/** The environment variable that sets this screen's clock off by some milliseconds (tests only: walls whose clocks disagree). */
export const CLOCK_OFFSET_ENV = 'MARQUEE_CLOCK_OFFSET_MS';

const Speed = z.coerce.number().min(1).max(1000);
const SilentMs = z.coerce.number().int().min(1000).max(3_600_000);
const OffsetMs = z.coerce.number().int().min(-86_400_000).max(86_400_000);

/** The clock speed asked for in `env` (1 when unset), or the message naming the variable and the fix. */
export function clockSpeedFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): Readonly<{ ok: true; speed: number }> | Readonly<{ ok: false; message: string }> {
  const raw = env[CLOCK_SPEED_ENV];
  if (raw === undefined || raw.trim() === '') return { ok: true, speed: 1 };
  const parsed = Speed.safeParse(raw.trim());
  if (!parsed.success) {
    return {
      ok: false,
      message: `${CLOCK_SPEED_ENV}=${raw}: must be a number from 1 to 1000 (e.g. ${CLOCK_SPEED_ENV}=20 plays a 1 s slide in 50 ms); unset it for a real show.`,
    };
  }
  return { ok: true, speed: parsed.data };
}

/** The host's timing: its clock (sped up by MARQUEE_CLOCK_SPEED, set off by MARQUEE_CLOCK_OFFSET_MS) and the watchdog limit. */
export type ServeTiming = Readonly<{ speed: number; offsetMs: number; clock: Clock; limits: WatchdogLimits }>;

/** The clock offset asked for in `env` (0 when unset), or the message naming the variable and the fix. */
export function clockOffsetFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): Readonly<{ ok: true; offsetMs: number }> | Readonly<{ ok: false; message: string }> {
  const raw = env[CLOCK_OFFSET_ENV]?.trim();
  if (raw === undefined || raw === '') return { ok: true, offsetMs: 0 };
  const parsed = OffsetMs.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      message: `${CLOCK_OFFSET_ENV}=${raw}: must be whole milliseconds within a day either way (e.g. ${CLOCK_OFFSET_ENV}=-150); unset it for a real show.`,
    };
  }
  return { ok: true, offsetMs: parsed.data };
}

/** Reads MARQUEE_CLOCK_SPEED, MARQUEE_CLOCK_OFFSET_MS and MARQUEE_WATCHDOG_MS from `env`, or the message naming the variable and the fix. */
export function serveTimingFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): Readonly<{ ok: true; timing: ServeTiming }> | Readonly<{ ok: false; message: string }> {
  const speed = clockSpeedFromEnv(env);
  if (!speed.ok) return speed;
  const offset = clockOffsetFromEnv(env);
  if (!offset.ok) return offset;
  const raw = env[WATCHDOG_ENV]?.trim();
  let limits = DEFAULT_WATCHDOG_LIMITS;
  if (raw !== undefined && raw !== '') {
    const parsed = SilentMs.safeParse(raw);
    if (!parsed.success) {
      return {
        ok: false,
        message: `${WATCHDOG_ENV}=${raw}: must be whole milliseconds from 1000 to 3600000 (default ${DEFAULT_WATCHDOG_LIMITS.silentMs}); unset it for the default.`,
      };
    }
    limits = { silentMs: parsed.data };
  }
  return {
    ok: true,
    timing: {
      speed: speed.speed,
      offsetMs: offset.offsetMs,
      clock: timingClock(speed.speed, offset.offsetMs),
      limits,
    },
  };
}

function timingClock(speed: number, offsetMs: number): Clock {
  const base = speed === 1 ? systemClock : scaledClock(speed);
  return offsetMs === 0 ? base : offsetClock(offsetMs, base);
}
