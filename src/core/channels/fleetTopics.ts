import { z } from 'zod';
import { assertNever } from '../assertNever';

// The fleet's MQTT topics, version 1 (docs/fleet.md): builders, the parser, wildcard matching and targeting.

/** Every topic of the contract starts with this. */
export const FLEET_PREFIX = 'marquee/v1';

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const NAME_HINT =
  'must be letters, digits, "-" or "_" (up to 64), starting with a letter or digit, e.g. "hall-a"';

/** A screen or group name: one topic level, never a wildcard or a `/`. */
export const FleetName = z.string().regex(NAME_RE, NAME_HINT);

/** Whether a string is a valid screen or group name. */
export function isFleetName(name: string): boolean {
  return NAME_RE.test(name);
}

/** Who a command topic addresses. */
export type CommandTarget =
  | Readonly<{ kind: 'screen'; screen: string }>
  | Readonly<{ kind: 'group'; group: string }>
  | Readonly<{ kind: 'all' }>;

/** A topic of the contract, parsed. */
export type FleetTopic =
  | Readonly<{ type: 'status'; screen: string }>
  | Readonly<{ type: 'command'; target: CommandTarget }>
  | Readonly<{ type: 'reply'; screen: string }>
  | Readonly<{ type: 'alert' }>
  | Readonly<{ type: 'health'; screen: string }>
  | Readonly<{ type: 'proof'; screen: string }>
  | Readonly<{ type: 'proof-ack'; screen: string }>
  | Readonly<{ type: 'thumbnail'; screen: string }>
  | Readonly<{ type: 'time'; screen: string }>
  | Readonly<{ type: 'time-reply'; screen: string }>
  | Readonly<{ type: 'wall-cue'; wall: string }>;

/** The topic builders, one per topic of the contract. */
export const fleetTopics = {
  status: (screen: string) => `${FLEET_PREFIX}/screen/${screen}/status`,
  command: (target: CommandTarget) => {
    switch (target.kind) {
      case 'screen':
        return `${FLEET_PREFIX}/screen/${target.screen}/command`;
      case 'group':
        return `${FLEET_PREFIX}/group/${target.group}/command`;
      case 'all':
        return `${FLEET_PREFIX}/all/command`;
      default:
        return assertNever(target);
    }
  },
  reply: (screen: string) => `${FLEET_PREFIX}/screen/${screen}/reply`,
  alert: () => `${FLEET_PREFIX}/alert`,
  health: (screen: string) => `${FLEET_PREFIX}/screen/${screen}/health`,
  proof: (screen: string) => `${FLEET_PREFIX}/screen/${screen}/proof`,
  proofAck: (screen: string) => `${FLEET_PREFIX}/screen/${screen}/proof/ack`,
  thumbnail: (screen: string) => `${FLEET_PREFIX}/screen/${screen}/thumbnail`,
  time: (screen: string) => `${FLEET_PREFIX}/screen/${screen}/time`,
  timeReply: (screen: string) => `${FLEET_PREFIX}/screen/${screen}/time/reply`,
  wallCue: (wall: string) => `${FLEET_PREFIX}/wall/${wall}/cue`,
} as const;

/** Parses a topic of the contract; null for any other topic (or a name that is not valid). */
export function parseFleetTopic(topic: string): FleetTopic | null {
  const levels = topic.split('/');
  if (levels[0] !== 'marquee' || levels[1] !== 'v1') return null;
  const [kind, a, b, c, ...rest] = levels.slice(2);
  if (rest.length > 0) return null;
  if (kind === 'alert' && a === undefined) return { type: 'alert' };
  if (kind === 'all' && a === 'command' && b === undefined)
    return { type: 'command', target: { kind: 'all' } };
  if (a === undefined || !isFleetName(a)) return null;
  if (kind === 'group') {
    return b === 'command' && c === undefined
      ? { type: 'command', target: { kind: 'group', group: a } }
      : null;
  }
  if (kind === 'wall') return b === 'cue' && c === undefined ? { type: 'wall-cue', wall: a } : null;
  if (kind !== 'screen') return null;
  if (b === 'proof' && c === 'ack') return { type: 'proof-ack', screen: a };
  if (b === 'time' && c === 'reply') return { type: 'time-reply', screen: a };
  if (c !== undefined) return null;
  switch (b) {
    case 'status':
    case 'reply':
    case 'health':
    case 'proof':
    case 'thumbnail':
    case 'time':
      return { type: b, screen: a };
    case 'command':
      return { type: 'command', target: { kind: 'screen', screen: a } };
    default:
      return null;
  }
}

/** Whether an MQTT topic filter (with `+` and `#`) matches a topic, as MQTT 3.1.1 defines it. */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  // Why: MQTT 3.1.1 §4.7.2: wildcards at the first level do not match topics starting with `$`.
  if ((f[0] === '#' || f[0] === '+') && topic.startsWith('$')) return false;
  for (let i = 0; i < f.length; i += 1) {
    const level = f[i];
    if (level === '#') return i === f.length - 1;
    if (i >= t.length) return false;
    if (level !== '+' && level !== t[i]) return false;
  }
  return f.length === t.length;
}

/** One screen as the fleet addresses it: its name and its groups. */
export type FleetMember = Readonly<{ screen: string; groups: readonly string[] }>;

/** The topic filters a screen subscribes to: its own commands, its groups', everyone's, the alert and its proof acks. */
export function screenSubscriptions(member: FleetMember): readonly string[] {
  return [
    fleetTopics.command({ kind: 'screen', screen: member.screen }),
    ...[...new Set(member.groups)].map((group) => fleetTopics.command({ kind: 'group', group })),
    fleetTopics.command({ kind: 'all' }),
    fleetTopics.alert(),
    fleetTopics.proofAck(member.screen),
  ];
}

/** The topic filters the hub subscribes to: every screen's status, replies, health, proof, thumbnail and fleet time requests. */
export const HUB_SUBSCRIPTIONS: readonly string[] = [
  `${FLEET_PREFIX}/screen/+/status`,
  `${FLEET_PREFIX}/screen/+/reply`,
  `${FLEET_PREFIX}/screen/+/health`,
  `${FLEET_PREFIX}/screen/+/proof`,
  `${FLEET_PREFIX}/screen/+/thumbnail`,
  `${FLEET_PREFIX}/screen/+/time`,
];

/** Whether a command sent to `target` is for this screen. */
export function commandReaches(target: CommandTarget, member: FleetMember): boolean {
  switch (target.kind) {
    case 'screen':
      return target.screen === member.screen;
    case 'group':
      return member.groups.includes(target.group);
    case 'all':
      return true;
    default:
      return assertNever(target);
  }
}

/** Whether a slide with `on` (screen names or groups) plays on this screen; without `on` it plays everywhere. */
export function playsOn(on: readonly string[] | undefined, member: FleetMember): boolean {
  if (on === undefined) return true;
  return on.some((name) => name === member.screen || member.groups.includes(name));
}
