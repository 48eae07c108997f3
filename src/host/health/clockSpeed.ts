import { z } from 'zod';

/** The environment variable that makes `marquee serve` run its clock faster (tests and the soak run only). */
export const CLOCK_SPEED_ENV = 'MARQUEE_CLOCK_SPEED';

const Speed = z.coerce.number().min(1).max(1000);

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
