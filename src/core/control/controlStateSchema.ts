import { z } from 'zod';
import { SLIDE_TYPES } from '../playlist/schema';
import { Text } from '../playlist/fields';
import { ERROR_CODES, type ControlReply } from './replies';

/** A slide as staff see it (`SlideCard`). */
export const SlideCardSchema = z.strictObject({
  id: z.string(),
  type: z.enum(SLIDE_TYPES),
  title: Text,
  subtitle: Text.nullable(),
  position: z.number().int().nonnegative(),
});

/** The state of one screen in a reply, as a client (the fleet remote, a script) validates it. */
export const ControlStateSchema = z.strictObject({
  screen: z.string(),
  slide: SlideCardSchema.nullable(),
  next: SlideCardSchema.nullable(),
  count: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative().nullable(),
  timeLeftMs: z.number().nonnegative().nullable(),
  paused: z.boolean(),
  blackout: z.boolean(),
  announcement: z
    .strictObject({
      id: z.number(),
      text: Text,
      title: Text.nullable(),
      style: z.enum(['info', 'urgent']),
      timeLeftMs: z.number().nonnegative().nullable(),
    })
    .nullable(),
  playlistErrors: z.array(z.string()),
  now: z.number(),
});

/** The reply to one command, as a client validates it. */
export const ControlReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    id: z.union([z.string(), z.number()]).nullable(),
    state: ControlStateSchema,
    screens: z.array(ControlStateSchema).exactOptional(),
  }),
  z.strictObject({
    ok: z.literal(false),
    id: z.union([z.string(), z.number()]).nullable(),
    error: z.strictObject({ code: z.enum(ERROR_CODES), message: z.string() }),
  }),
]);

/** Validates a reply a client received; the result is typed as the host's own reply (compile error if they drift). */
export function parseControlReply(value: unknown): ControlReply | null {
  const parsed = ControlReplySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
