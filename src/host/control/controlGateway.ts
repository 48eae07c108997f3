import {
  type ControlCommand,
  type ParseResult,
  parseCommand,
  parseCommandText,
} from '../../core/control/commands';
import type { ControlReply } from '../../core/control/replies';
import type { AuditLog } from './auditLog';
import type { ControlTarget, Transport } from './controlTarget';

/** The one command path every transport goes through: parse, execute, audit, reply. */
export interface ControlGateway {
  /** A line of JSON text (socket, WebSocket). */
  handleText(text: string, transport: Transport): Promise<ControlReply>;
  /** An already-decoded JSON value (HTTP body). */
  handleValue(value: unknown, transport: Transport): Promise<ControlReply>;
  /** A command built in the host (keyboard). */
  handleCommand(command: ControlCommand, transport: Transport): Promise<ControlReply>;
  /** Lets a part answer some commands itself (a wall turns next/goto/pause into cues); returns its removal. */
  addCommandStage(stage: CommandStage): () => void;
  readonly target: ControlTarget;
}

/** A part's say in a command: its reply, or null to let the target carry it out. */
export type CommandStage = (command: ControlCommand, transport: Transport) => Promise<ControlReply> | null;

/** Builds the command path over `target`, recording every command in `audit`. */
export function createControlGateway(target: ControlTarget, audit: AuditLog): ControlGateway {
  const run = async (parsed: ParseResult, transport: Transport): Promise<ControlReply> => {
    if (!parsed.ok) {
      audit.record(transport, null, parsed.error.code);
      return { ok: false, id: parsed.id, error: parsed.error };
    }
    return handleCommand(parsed.command, transport);
  };
  const stages: CommandStage[] = [];
  const handleCommand = async (command: ControlCommand, transport: Transport): Promise<ControlReply> => {
    const staged = stages.reduce<Promise<ControlReply> | null>(
      (taken, stage) => taken ?? stage(command, transport),
      null,
    );
    const reply = await (staged ?? target.execute(command, transport));
    audit.record(transport, command, reply.ok ? 'ok' : reply.error.code);
    return reply;
  };
  return {
    handleText: (text, transport) => run(parseCommandText(text), transport),
    handleValue: (value, transport) => run(parseCommand(value), transport),
    handleCommand,
    addCommandStage(stage) {
      stages.push(stage);
      return () => {
        const at = stages.indexOf(stage);
        if (at >= 0) stages.splice(at, 1);
      };
    },
    target,
  };
}
