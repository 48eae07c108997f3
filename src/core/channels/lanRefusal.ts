import * as z from 'zod/mini';

/**
 * An error answer of the LAN API (an HTTP error body such as `/api/screenshot`'s 503, or a WebSocket reply with
 * `ok: false`), read leniently: any non-empty code, extra fields allowed. The hub's API and a screen's fleet reply
 * answer in the same shape (`errorReply`). Why: a client shows the words it has for a code it knows
 * (`ERROR_CODES`) and the sender's own text for one it does not (a host newer than the client).
 */
export const LanRefusalSchema = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string().check(z.minLength(1)), message: z.string() }),
});

/** What a refusal says: its code (maybe one this client does not know) and the host's text. */
export type LanRefusal = Readonly<{ code: string; message: string }>;

/** The code and text of an error answer (already JSON-parsed), or null when it is none. */
export function readLanRefusal(value: unknown): LanRefusal | null {
  const parsed = LanRefusalSchema.safeParse(value);
  return parsed.success ? { code: parsed.data.error.code, message: parsed.data.error.message } : null;
}
