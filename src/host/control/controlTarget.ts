import type { ControlCommand } from '../../core/control/commands';
import type { ControlState, PlaylistItem } from '../../core/control/controlState';
import type { ControlReply } from '../../core/control/replies';

/** How a command reached the host, for the audit log. */
export type TransportKind = 'socket' | 'http' | 'ws' | 'keyboard' | 'cli' | 'fleet';

/**
 * The transport and the client (address, socket peer, screen) a command came from; `peer` is where a kiosk key
 * came from (a renderer's address and port, or the Electron frame), so forged keys can be told from the clicker's.
 */
export type Transport = Readonly<{ kind: TransportKind; client: string; peer?: string }>;

/** What the control channels drive: one or several screens behind one command path. */
export interface ControlTarget {
  /** Carries out a validated command and replies with the state after it; never throws. */
  execute(command: ControlCommand, transport: Transport): Promise<ControlReply>;
  /** Calls `listener` with the screen whose state changed; returns an unsubscribe. */
  onStateChange(listener: (state: ControlState) => void): () => void;
  /** The state of every screen now. */
  states(): readonly ControlState[];
  /** The slide list of a screen (the first screen when omitted); null for an unknown screen. */
  playlist(screen?: string): readonly PlaylistItem[] | null;
}
