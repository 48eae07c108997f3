import { type LanMessage, parseLanMessage } from '../core/channels/lanPushContract';
import type { ControlReply } from '../core/control/replies';

/**
 * What the remote makes of one JSON message from `/api/ws`: a push or a reply that passed its schema, the reply
 * to command `id` that did not (so the command's wait ends with an error staff read), or null: nothing it can use.
 */
export type LanInbound = LanMessage | Readonly<{ kind: 'unreadable-reply'; id: number }>;

/** Checks a message (already JSON-parsed) with the LAN contract; a reply that fails it keeps its command's id. */
export function readLanInbound(data: unknown): LanInbound | null {
  const message = parseLanMessage(data);
  if (message !== null) return message;
  if (typeof data !== 'object' || data === null || 'type' in data) return null;
  const id = (data as { id?: unknown }).id;
  return typeof id === 'number' ? { kind: 'unreadable-reply', id } : null;
}

/** A command's answer as the remote hands it on: the host's reply, or a reply it could not read. */
export type RemoteReply = ControlReply | Readonly<{ ok: false; id: number; unreadable: true }>;
