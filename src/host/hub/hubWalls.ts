import type { MqttClient } from 'mqtt';
import {
  commandReaches,
  fleetTopics,
  type CommandTarget,
  parseFleetPayload,
  TimeRequest,
  type TimeReply,
} from '../../core/channels/fleetContract';
import { parseCommand } from '../../core/control/commands';
import type { PresenceEntry } from '../../core/hub/presence';
import { nextCue, type WallCue } from '../../core/wall/wallCue';
import { readWallCommand } from '../../core/wall/wallCommand';
import type { WallAnchor } from '../../core/wall/wallRotation';

/** The hub's answer to a screen's fleet time request (its clock `hubAt`, read as the request arrived); null for a bad one. */
export function timeReply(topic: string, payload: string, hubAt: number): TimeReply | null {
  const read = parseFleetPayload(TimeRequest, topic, payload);
  return read.ok ? { ...read.value, hubAt } : null;
}

/** A cue the hub publishes on one wall's cue topic. */
export type HubCue = Readonly<{ wall: string; cue: WallCue }>;

/**
 * The cues for a staff command the hub sends: one for each wall with a member among the online screens it
 * addresses, at fleet time `at` (the hub's clock is fleet time), its base the newest anchor the wall's members
 * report or the hub's own last cue to that wall. None for commands that do not move a wall, and for `goto` by
 * position (the hub has no playlist: the wall's leader cues it).
 */
export function hubCues(
  command: unknown,
  targets: readonly CommandTarget[],
  rows: readonly PresenceEntry[],
  lastCues: ReadonlyMap<string, WallCue>,
  id: string,
  at: number,
): readonly HubCue[] {
  const parsed = parseCommand(command);
  if (!parsed.ok) return [];
  const read = readWallCommand(parsed.command, null);
  if (read.kind !== 'wall') return [];
  const members = rows.flatMap((row) =>
    row.state === 'online' && row.last?.wall !== undefined
      ? [{ screen: row.screen, groups: row.last.groups, wall: row.last.wall }]
      : [],
  );
  const walls = new Set(
    members.filter((m) => targets.some((t) => commandReaches(t, m))).map((m) => m.wall.name),
  );
  const anchors = new Map<string, WallAnchor | null>();
  for (const wall of walls) {
    const reported = members.filter((m) => m.wall.name === wall).map((m) => m.wall.anchor);
    anchors.set(
      wall,
      reported.reduce<WallAnchor | null>((best, a) => (best === null || a.at > best.at ? a : best), null),
    );
  }
  return [...anchors].map(([wall, anchor]) => ({
    wall,
    cue: nextCue(id, read.command, at, { anchor, lastCue: lastCues.get(wall) ?? null }),
  }));
}

/** The hub's walls: the cues for the commands it sends, each wall's last cue remembered as the next one's base. */
export function createHubWalls(): Readonly<{
  cuesFor(
    command: unknown,
    targets: readonly CommandTarget[],
    rows: readonly PresenceEntry[],
    id: string,
    at: number,
  ): readonly HubCue[];
}> {
  const lastCues = new Map<string, WallCue>();
  return {
    cuesFor(command, targets, rows, id, at) {
      const cues = hubCues(command, targets, rows, lastCues, id, at);
      for (const { wall, cue } of cues) lastCues.set(wall, cue);
      return cues;
    },
  };
}

/** Publishes the cues retained (QoS 1); resolves when the broker took them all. */
export async function publishCues(client: MqttClient, cues: readonly HubCue[]): Promise<void> {
  await Promise.all(
    cues.map(({ wall, cue }) =>
      client.publishAsync(fleetTopics.wallCue(wall), JSON.stringify(cue), { qos: 1, retain: true }),
    ),
  );
}
