import { type OnlineStatus, offlineStatus, type ScreenStatus } from '../channels/fleetContract';

/** What the hub knows of a screen: online, offline (its last will or clean stop), or unknown since a hub restart. */
export type PresenceState = 'online' | 'offline' | 'unknown';

/** One screen in the presence table. */
export type PresenceEntry = Readonly<{
  screen: string;
  state: PresenceState;
  /** When it entered `state`, epoch ms on the hub's clock. */
  since: number;
  /** Its last online status (slide, groups, health …), kept while it is offline or unknown. */
  last: OnlineStatus | null;
}>;

/** Every screen the hub has heard of, by name. */
export type PresenceTable = Readonly<Record<string, PresenceEntry>>;

/** The table after `status` arrived at `now`; `since` moves only when the state changes. */
export function applyStatus(table: PresenceTable, status: ScreenStatus, now: number): PresenceTable {
  const before = table[status.screen];
  const state: PresenceState = status.online ? 'online' : 'offline';
  const entry: PresenceEntry = {
    screen: status.screen,
    state,
    since: before !== undefined && before.state === state ? before.since : now,
    last: status.online ? status : (before?.last ?? null),
  };
  return { ...table, [status.screen]: entry };
}

/** The table as a restarted hub must see it: nothing confirmed, so every screen is unknown until it speaks. */
export function restoredPresence(saved: PresenceTable, now: number): PresenceTable {
  return Object.fromEntries(
    Object.values(saved).map((entry) => [entry.screen, { ...entry, state: 'unknown' as const, since: now }]),
  );
}

/** The screens in name order. */
export function presenceRows(table: PresenceTable): readonly PresenceEntry[] {
  return Object.values(table).sort((a, b) => a.screen.localeCompare(b.screen));
}

/** Every group named by any screen's last status, in order. */
export function groupsOf(table: PresenceTable): readonly string[] {
  return [...new Set(Object.values(table).flatMap((e) => e.last?.groups ?? []))].sort();
}

/** How many heartbeat periods (the screen's keepalive) of silence make an online screen offline. */
export const SILENCE_FACTOR = 1.5;

/**
 * The table with every online screen that has been silent for more than `SILENCE_FACTOR` of its own
 * keepalive marked offline (as its last will would): `heardAt` is when the hub last heard from each
 * screen, on the hub's clock. Screens whose status names no keepalive are left to their will.
 */
export function expireSilent(
  table: PresenceTable,
  heardAt: ReadonlyMap<string, number>,
  now: number,
): PresenceTable {
  let next = table;
  for (const entry of Object.values(table)) {
    const keepalive = entry.last?.keepalive;
    const heard = heardAt.get(entry.screen);
    if (entry.state !== 'online' || keepalive === undefined || heard === undefined) continue;
    if (now - heard > SILENCE_FACTOR * keepalive * 1000) {
      next = applyStatus(next, offlineStatus(entry.screen), now);
    }
  }
  return next;
}
