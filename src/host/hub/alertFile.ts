import { readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import { type FleetAlert, parseFleetAlert } from '../../core/channels/fleetContract';

/** The venue alert the hub last set, from its file in the hub folder (`{"active":false}` when none or unreadable). */
export function loadAlert(file: string): FleetAlert {
  try {
    const parsed = parseFleetAlert(readFileSync(file, 'utf8'));
    return parsed.ok ? parsed.value : { active: false };
  } catch {
    return { active: false };
  }
}

/** Writes the venue alert atomically (fsync), so a power cut leaves the old one or the new one. */
export async function writeAlert(file: string, alert: FleetAlert): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(alert)}\n`, { fsync: true });
}
