import * as z from 'zod/mini';
import { WireText } from '../channels/wireText';
import { SLIDE_TYPES } from '../playlist/slideTypes';
import { COMMAND_ERROR_CODES, type ControlReply } from './replies';

const count = () => z.number().check(z.int(), z.nonnegative());
const msOrNull = () => z.nullable(z.number().check(z.nonnegative()));

/** A slide as staff see it (`SlideCard`). zod/mini: the web remote bundles these schemas. */
export const SlideCardSchema = z.strictObject({
  id: z.string(),
  type: z.enum(SLIDE_TYPES),
  title: WireText,
  subtitle: z.nullable(WireText),
  position: count(),
});

/** The state of one screen in a reply, as a client (the fleet remote, a script) validates it. */
export const ControlStateSchema = z.strictObject({
  screen: z.string(),
  slide: z.nullable(SlideCardSchema),
  next: z.nullable(SlideCardSchema),
  count: count(),
  durationMs: msOrNull(),
  timeLeftMs: msOrNull(),
  paused: z.boolean(),
  blackout: z.boolean(),
  announcement: z.nullable(
    z.strictObject({
      id: z.number(),
      text: WireText,
      title: z.nullable(WireText),
      style: z.enum(['info', 'urgent']),
      timeLeftMs: msOrNull(),
    }),
  ),
  playlistErrors: z.array(z.string()),
  now: z.number(),
});

const commandId = () => z.nullable(z.union([z.string(), z.number()]));

/** The reply to one command, as a client validates it. */
export const ControlReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    id: commandId(),
    state: ControlStateSchema,
    screens: z.exactOptional(z.array(ControlStateSchema)),
  }),
  z.strictObject({
    ok: z.literal(false),
    id: commandId(),
    error: z.strictObject({ code: z.enum(COMMAND_ERROR_CODES), message: z.string() }),
  }),
]);

/** Validates a reply a client received; the result is typed as the host's own reply (compile error if they drift). */
export function parseControlReply(value: unknown): ControlReply | null {
  const parsed = ControlReplySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
