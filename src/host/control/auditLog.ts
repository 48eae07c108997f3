import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ControlCommand } from '../../core/control/commands';
import { rotatingFile } from '../log/rotatingFile';
import type { Transport } from './controlTarget';

/** One line of the audit log. */
export type AuditEntry = Readonly<{
  time: string;
  transport: Transport['kind'];
  client: string;
  /** Where a kiosk key came from: the renderer's address:port or the Electron frame. */
  peer?: string;
  /** The command as validated; null when it could not be parsed. */
  command: ControlCommand | null;
  /** "ok" or the error code of the reply. */
  result: string;
}>;

/** Where accepted commands are recorded. */
export interface AuditLog {
  record(transport: Transport, command: ControlCommand | null, result: string): void;
  /** Closes the file. */
  close(): void;
}

/** An audit log that records nothing (for tools that only read). */
export const noAudit: AuditLog = { record: () => {}, close: () => {} };

/** The audit log rotates like the host log: `control-audit.jsonl`, then `.1` … `.5` (60 MB at most). */
export const AUDIT_FILE_BYTES = 10 * 1024 * 1024;
const AUDIT_FILES_KEPT = 5;

/**
 * A JSON-lines audit log at `file` (mode 0600), rotated by size, written synchronously so that the last
 * commands before a power cut are on disk; every string in `secrets()` is replaced by "[redacted]".
 */
export function createAuditLog(
  file: string,
  secrets: () => readonly string[] = () => [],
  now = () => new Date(),
): AuditLog {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // Why: a flood of commands must not fill the disk (proof of play shares it); rotation keeps the newest.
  const out = rotatingFile({ file, maxBytes: AUDIT_FILE_BYTES, keep: AUDIT_FILES_KEPT, mode: 0o600 });
  return {
    close: out.close,
    record(transport, command, result) {
      const entry: AuditEntry = {
        time: now().toISOString(),
        transport: transport.kind,
        client: transport.client,
        ...(transport.peer === undefined ? {} : { peer: transport.peer }),
        command,
        result,
      };
      let line = JSON.stringify(entry);
      for (const secret of secrets()) if (secret.length > 0) line = line.split(secret).join('[redacted]');
      // Why: never throws; a full disk must not stop staff from controlling the screen.
      out.write(`${line}\n`);
    },
  };
}
