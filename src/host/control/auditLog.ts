import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ControlCommand } from '../../core/control/commands';
import type { Transport } from './controlTarget';

/** One line of the audit log. */
export type AuditEntry = Readonly<{
  time: string;
  transport: Transport['kind'];
  client: string;
  /** The command as validated; null when it could not be parsed. */
  command: ControlCommand | null;
  /** "ok" or the error code of the reply. */
  result: string;
}>;

/** Where accepted commands are recorded. */
export interface AuditLog {
  record(transport: Transport, command: ControlCommand | null, result: string): void;
}

/** An audit log that records nothing (for tools that only read). */
export const noAudit: AuditLog = { record: () => {} };

/**
 * A JSON-lines audit log at `file` (mode 0600), written synchronously so that the last commands
 * before a power cut are on disk; every string in `secrets()` is replaced by "[redacted]".
 */
export function createAuditLog(
  file: string,
  secrets: () => readonly string[] = () => [],
  now = () => new Date(),
): AuditLog {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  return {
    record(transport, command, result) {
      const entry: AuditEntry = {
        time: now().toISOString(),
        transport: transport.kind,
        client: transport.client,
        command,
        result,
      };
      let line = JSON.stringify(entry);
      for (const secret of secrets()) if (secret.length > 0) line = line.split(secret).join('[redacted]');
      try {
        appendFileSync(file, `${line}\n`, { mode: 0o600 });
      } catch {
        // Why: a full disk must not stop staff from controlling the screen; the host logger reports disk trouble.
      }
    },
  };
}
