import { type LanMessage, parseLanMessage } from '../core/channels/lanPushContract';
import { readLanRefusal } from '../core/channels/lanRefusal';
import type { ControlReply } from '../core/control/replies';
import type { Refusal } from '../remote-shared/refusal';

/**
 * What the remote makes of one JSON message from `/api/ws`: a push or a reply that passed its schema, the reply
 * to command `id` that did not (so the command's wait ends with a refusal staff read: the host's code and text
 * when it is an error reply with a code this remote does not know, else "unreadable"), or null: nothing it can use.
 */
export type LanInbound = LanMessage | Readonly<{ kind: 'unreadable-reply'; id: number; refusal: Refusal }>;

/** Checks a message (already JSON-parsed) with the LAN contract; a reply that fails it keeps its command's id. */
export function readLanInbound(data: unknown): LanInbound | null {
  const message = parseLanMessage(data);
  if (message !== null) return message;
  if (typeof data !== 'object' || data === null || 'type' in data) return null;
  const id = (data as { id?: unknown }).id;
  if (typeof id !== 'number') return null;
  const refused = readLanRefusal(data);
  return {
    kind: 'unreadable-reply',
    id,
    refusal: refused === null ? { kind: 'unreadable', detail: null } : { kind: 'refused', ...refused },
  };
}

/** A command's answer as the remote hands it on: the host's state, or why there is none. */
export type RemoteReply =
  | Extract<ControlReply, { ok: true }>
  | Readonly<{ ok: false; id: string | number | null; refusal: Refusal }>;

/** The remote's form of a reply that passed its schema. */
export function toRemoteReply(reply: ControlReply): RemoteReply {
  return reply.ok ? reply : { ok: false, id: reply.id, refusal: { kind: 'refused', ...reply.error } };
}
