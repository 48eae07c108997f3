import { FLEET_PREFIX, parseFleetTopic } from '../channels/fleetTopics';
import { assertNever } from '../assertNever';

/** Who holds an MQTT connection: staff (the hub, an integrator's console) or one screen. */
export type Principal = Readonly<{ kind: 'staff' }> | Readonly<{ kind: 'screen'; screen: string }>;

/**
 * Whether `principal` may publish on `topic`. Staff may publish anything under `marquee/v1/`; a screen
 * only its own status (and last will), reply, health, proof, thumbnail and fleet time requests, and wall cues.
 * Nobody publishes outside the prefix.
 */
export function mayPublish(principal: Principal, topic: string): boolean {
  if (!topic.startsWith(`${FLEET_PREFIX}/`) || topic.includes('+') || topic.includes('#')) return false;
  if (principal.kind === 'staff') return true;
  const parsed = parseFleetTopic(topic);
  if (parsed === null) return false;
  switch (parsed.type) {
    case 'status':
    case 'reply':
    case 'health':
    case 'proof':
    case 'thumbnail':
    case 'time':
      return parsed.screen === principal.screen;
    case 'wall-cue':
      // Why: a wall's leader (column 0, row 0) cues its local controls; walls are not screens, so any screen may.
      return true;
    case 'command':
    case 'alert':
    case 'proof-ack':
    case 'time-reply':
      return false;
    default:
      return assertNever(parsed);
  }
}

/**
 * Whether `principal` may subscribe to `filter`. Staff may read anything under `marquee/v1/`; a screen
 * reads its own commands, proof acknowledgements and fleet time replies, a named group's commands, `all`,
 * the alert and a named wall's cues,
 * never through a wildcard (so it cannot listen to other screens).
 */
export function maySubscribe(principal: Principal, filter: string): boolean {
  if (!filter.startsWith(`${FLEET_PREFIX}/`)) return false;
  if (principal.kind === 'staff') return true;
  if (filter.includes('+') || filter.includes('#')) return false;
  const parsed = parseFleetTopic(filter);
  if (parsed === null) return false;
  switch (parsed.type) {
    case 'alert':
      return true;
    case 'command':
      return parsed.target.kind !== 'screen' || parsed.target.screen === principal.screen;
    case 'proof-ack':
    case 'time-reply':
      return parsed.screen === principal.screen;
    case 'wall-cue':
      return true;
    case 'status':
    case 'reply':
    case 'health':
    case 'proof':
    case 'thumbnail':
    case 'time':
      return false;
    default:
      return assertNever(parsed);
  }
}
