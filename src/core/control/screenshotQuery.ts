import { z } from 'zod';

/** The image formats `GET /api/screenshot` answers. */
export type ScreenshotFormat = 'jpeg' | 'png';

/** What a screenshot request asks for, after validation. */
export type ScreenshotQuery = Readonly<{
  /** 1-based; null: the first display. */
  display: number | null;
  format: ScreenshotFormat;
  /** Pixels wide the image is scaled down to (never up). */
  width: number;
}>;

/** The width a screenshot is scaled to unless asked otherwise: enough for a phone, small on venue Wi-Fi. */
export const DEFAULT_SCREENSHOT_WIDTH = 960;
export const MIN_SCREENSHOT_WIDTH = 32;
export const MAX_SCREENSHOT_WIDTH = 3840;

const WholeNumber = /^[0-9]{1,6}$/;

const Query = z.strictObject({
  display: z
    .string()
    .regex(WholeNumber, 'display must be a display number from 1, e.g. display=1')
    .transform(Number)
    .refine((n) => n >= 1, 'display must be a display number from 1, e.g. display=1')
    .optional(),
  format: z
    .enum(['jpeg', 'jpg', 'png'], { error: 'format must be jpeg or png' })
    .transform((f): ScreenshotFormat => (f === 'png' ? 'png' : 'jpeg'))
    .optional(),
  width: z
    .string()
    .regex(
      WholeNumber,
      `width must be a number of pixels from ${MIN_SCREENSHOT_WIDTH} to ${MAX_SCREENSHOT_WIDTH}`,
    )
    .transform(Number)
    .refine(
      (n) => n >= MIN_SCREENSHOT_WIDTH && n <= MAX_SCREENSHOT_WIDTH,
      `width must be a number of pixels from ${MIN_SCREENSHOT_WIDTH} to ${MAX_SCREENSHOT_WIDTH}`,
    )
    .optional(),
});

/** The format an `Accept` header prefers: PNG only when it names PNG and not JPEG; JPEG otherwise. */
export function formatOfAccept(accept: string | undefined): ScreenshotFormat {
  const types = (accept ?? '')
    .toLowerCase()
    .split(',')
    .map((part) => part.split(';')[0]?.trim() ?? '');
  return types.includes('image/png') && !types.includes('image/jpeg') ? 'png' : 'jpeg';
}

/**
 * Reads the query of `GET /api/screenshot?display=N&format=jpeg|png&width=W` (each optional; `format`
 * wins over `Accept`). Never throws: a bad or unknown parameter is a message naming it and the fix.
 */
export function parseScreenshotQuery(
  params: Iterable<readonly [string, string]>,
  accept: string | undefined,
): Readonly<{ ok: true; query: ScreenshotQuery }> | Readonly<{ ok: false; message: string }> {
  const entries: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in entries) return { ok: false, message: `${key} is given twice; give it once` };
    entries[key] = value;
  }
  const parsed = Query.safeParse(entries);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message =
      issue?.code === 'unrecognized_keys'
        ? `unknown parameter ${issue.keys.join(', ')}; /api/screenshot takes display, format and width`
        : (issue?.message ?? 'bad query');
    return { ok: false, message };
  }
  const q = parsed.data;
  return {
    ok: true,
    query: {
      display: q.display ?? null,
      format: q.format ?? formatOfAccept(accept),
      width: q.width ?? DEFAULT_SCREENSHOT_WIDTH,
    },
  };
}

/** Which display a query means among `count`, or the message naming the valid range. */
export function pickDisplay(
  display: number | null,
  count: number,
): Readonly<{ ok: true; index: number }> | Readonly<{ ok: false; message: string }> {
  const n = display ?? 1;
  if (n >= 1 && n <= count) return { ok: true, index: n - 1 };
  const range =
    count === 1 ? 'display must be 1 (this host shows one display)' : `display must be 1 to ${count}`;
  return { ok: false, message: `${range} (got ${n})` };
}
