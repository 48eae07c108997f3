import { type FleetCommand, isExpired, parseFleetCommand } from '../../core/channels/fleetContract';
import type { ControlCommand } from '../../core/control/commands';
import { type ControlReply, errorReply } from '../../core/control/replies';

/** What to do with one fleet command message. */
export type InboxDecision =
  | Readonly<{ kind: 'run'; command: FleetCommand }>
  /** Answer without running: a bad payload or an expired command. */
  | Readonly<{ kind: 'answer'; reply: ControlReply; reason: 'bad' | 'expired' }>
  /** A repeat: answered with the first one's reply (once it is done, if it still runs). */
  | Readonly<{ kind: 'repeat'; reply: Promise<ControlReply> }>;

/** Replies kept for repeats; older ids are forgotten (their commands have long expired). */
const REMEMBERED = 1_000;

/**
 * Decides, per message, whether a fleet command runs: never twice for one id (a QoS 1 redelivery or a
 * reconnect replays it), never after its `expiresAt`. Remembers the last `REMEMBERED` ids in memory.
 */
export class CommandInbox {
  readonly #replies = new Map<string, Promise<ControlReply>>();

  /** Reads a payload and says what to do with it at `now` (epoch ms). */
  receive(payload: string, now: number): InboxDecision {
    const parsed = parseFleetCommand(payload);
    if (!parsed.ok) {
      return {
        kind: 'answer',
        reason: 'bad',
        reply: errorReply(parsed.id, parsed.error.code, parsed.error.message),
      };
    }
    const key = keyOf(parsed.value.id);
    const first = this.#replies.get(key);
    if (first !== undefined) return { kind: 'repeat', reply: first };
    if (isExpired(parsed.value, now)) {
      const ago = Math.round((now - (parsed.value.expiresAt ?? now)) / 1000);
      const reply = errorReply(
        parsed.value.id,
        'expired',
        `the command expired ${ago} s ago (expiresAt ${parsed.value.expiresAt}); it was not run`,
      );
      this.#remember(key, Promise.resolve(reply));
      return { kind: 'answer', reason: 'expired', reply };
    }
    return { kind: 'run', command: parsed.value };
  }

  /** Records a command that is running; its repeats get the reply it resolves to. */
  running(command: FleetCommand, reply: Promise<ControlReply>): void {
    this.#remember(keyOf(command.id), reply);
  }

  #remember(key: string, reply: Promise<ControlReply>): void {
    this.#replies.set(key, reply);
    if (this.#replies.size > REMEMBERED) {
      const oldest = this.#replies.keys().next().value;
      if (oldest !== undefined) this.#replies.delete(oldest);
    }
  }
}

/** The command for one screen of this host: the fleet addresses screens by topic, the gateway by field. */
export function forScreen(command: ControlCommand, screen: string): ControlCommand {
  return { ...command, screen };
}

function keyOf(id: string | number): string {
  return `${typeof id}:${id}`;
}
