import * as z from 'zod/mini';
import type { ControlState, PlaylistItem } from '../control/controlState';
import { ControlReplySchema, ControlStateSchema, SlideCardSchema } from '../control/controlStateSchema';
import type { ControlReply } from '../control/replies';

/**
 * The LAN API's WebSocket (`/api/ws`) to the web remote: besides the reply to each command (which carries `ok`),
 * the host pushes `hello` (every screen's state) when a client is let in, `state` on every change of a screen, and
 * `playlist` (a screen's jump list) on connect and whenever it changes. The host builds them with the functions
 * below; the remote checks each message it gets with `parseLanMessage`.
 */
export type LanPush =
  | Readonly<{ type: 'hello'; screens: readonly ControlState[] }>
  | Readonly<{ type: 'state'; state: ControlState }>
  | Readonly<{ type: 'playlist'; screen: string; slides: readonly PlaylistItem[] }>;

/** One row of the remote's jump list (`PlaylistItem`). */
export const PlaylistItemSchema = z.extend(SlideCardSchema, {
  enabled: z.boolean(),
  forScreen: z.boolean(),
  eligible: z.boolean(),
});

/** Every push, discriminated on `type` (zod/mini, like the state schemas: the web remote bundles them). */
export const LanPushSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hello'), screens: z.array(ControlStateSchema) }),
  z.strictObject({ type: z.literal('state'), state: ControlStateSchema }),
  z.strictObject({ type: z.literal('playlist'), screen: z.string(), slides: z.array(PlaylistItemSchema) }),
]);

/** The welcome of a client let in: every screen's state. */
export const helloPush = (screens: readonly ControlState[]): LanPush => ({ type: 'hello', screens });

/** A screen's new state. */
export const statePush = (state: ControlState): LanPush => ({ type: 'state', state });

/** A screen's jump list. */
export const playlistPush = (screen: string, slides: readonly PlaylistItem[]): LanPush => ({
  type: 'playlist',
  screen,
  slides,
});

/** A message the remote received: a push, the reply to one of its commands, or null when it is neither. */
export type LanMessage =
  | Readonly<{ kind: 'push'; push: LanPush }>
  | Readonly<{ kind: 'reply'; reply: ControlReply }>;

/**
 * Checks a message from `/api/ws` (already JSON-parsed); the results are typed as the host's own pushes and
 * replies, so a schema that drifts from them fails to compile.
 */
export function parseLanMessage(value: unknown): LanMessage | null {
  const isPush = typeof value === 'object' && value !== null && 'type' in value;
  if (isPush) {
    const push = LanPushSchema.safeParse(value);
    return push.success ? { kind: 'push', push: push.data } : null;
  }
  const reply = ControlReplySchema.safeParse(value);
  return reply.success ? { kind: 'reply', reply: reply.data } : null;
}
