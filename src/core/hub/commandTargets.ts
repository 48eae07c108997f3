import { assertNever } from '../assertNever';
import { type CommandTarget, commandReaches } from '../channels/fleetContract';
import type { SendRequest } from '../channels/hubApiContract';
import type { PresenceEntry } from './presence';

/** The command topics a staff request addresses: one per named screen (each once), or its group, or all. */
export function targetsOf(target: SendRequest['target']): readonly CommandTarget[] {
  switch (target.kind) {
    case 'screen':
      return [{ kind: 'screen', screen: target.screen }];
    case 'screens':
      return [...new Set(target.screens)].map((screen) => ({ kind: 'screen', screen }));
    case 'group':
    case 'all':
      return [target];
    default:
      return assertNever(target);
  }
}

/** The online screens `targets` reach, by their last status: the replies the hub waits for. */
export function expectedScreens(rows: readonly PresenceEntry[], targets: readonly CommandTarget[]): string[] {
  return rows
    .filter((e) => e.state === 'online' && e.last !== null)
    .filter((e) => targets.some((t) => commandReaches(t, { screen: e.screen, groups: e.last?.groups ?? [] })))
    .map((e) => e.screen);
}
