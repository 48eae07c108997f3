import type { Logger } from 'pino';
import { fleetTopics, parseFleetPayload, WallCueSchema } from '../../core/channels/fleetContract';
import type { ControlCommand } from '../../core/control/commands';
import { type ControlReply, errorReply } from '../../core/control/replies';
import { CUE_LEAD_MS, resolveCue, type WallCue } from '../../core/wall/wallCue';
import { readWallCommand } from '../../core/wall/wallCommand';
import { wallGotoRefusal, wallSlidesAt } from '../../core/wall/wallSlides';
import type { CommandStage, ControlGateway } from '../control/controlGateway';
import type { Transport } from '../control/controlTarget';
import type { FleetBus } from '../fleet/fleetBus';
import type { WallDriver, WallHost } from './wallDriver';
import type { WallSetting } from './wallSetting';

/** How long a member waits for the hub's cue of a fleet command before its leader cues the command itself. */
export const HUB_CUE_WAIT_MS = 250;
const REMEMBERED_CUES = 64;

export type WallCuesOptions = Readonly<{
  setting: WallSetting;
  screen: string;
  host: WallHost;
  driver: WallDriver;
  bus: FleetBus | null;
  gateway: ControlGateway | null;
  logger: Logger;
}>;

/** Whether this screen leads its wall: column 0, row 0 (its local controls cue the whole wall). */
export function isWallLeader(setting: WallSetting): boolean {
  return setting.column === 0 && setting.row === 0;
}

/**
 * A member's cues: it follows the wall's cue topic (retained, so a member that joins late lands on the wall's
 * slide) and turns the wall commands that reach it (next, prev, goto, pause, resume) into cues. The hub cues
 * the commands it sends (a member answers those without acting); the leader cues its local controls and a
 * fleet command the hub did not cue; the other members refuse local wall commands, naming the leader.
 */
export function startWallCues(options: WallCuesOptions): () => void {
  const { setting, screen, host, driver, bus, gateway, logger } = options;
  const slidesAt = (t: number) => wallSlidesAt(host.playlist, t, setting.name);
  const seen: string[] = [];
  const seenListeners = new Set<() => void>();
  let unsent: WallCue | null = null;
  let count = 0;

  const apply = (cue: WallCue): void => {
    if (!seen.includes(cue.id)) seen.push(cue.id);
    if (seen.length > REMEMBERED_CUES) seen.shift();
    driver.cue(resolveCue(slidesAt, cue));
    for (const listener of seenListeners) listener();
  };
  const waitForCue = (id: string): Promise<boolean> =>
    new Promise((resolve) => {
      if (seen.includes(id)) return resolve(true);
      const check = (): void => {
        if (!seen.includes(id)) return;
        finish(true);
      };
      const finish = (result: boolean): void => {
        clearTimeout(timer);
        seenListeners.delete(check);
        resolve(result);
      };
      const timer = setTimeout(() => finish(false), HUB_CUE_WAIT_MS);
      seenListeners.add(check);
    });
  const publish = (cue: WallCue): void => {
    if (bus === null) return;
    if (!bus.connected()) {
      unsent = cue;
      return;
    }
    unsent = null;
    bus.publish(fleetTopics.wallCue(setting.name), cue, { qos: 1, retain: true });
  };

  const offCue =
    bus?.subscribe(fleetTopics.wallCue(setting.name), (topic, payload) => {
      if (payload.trim() === '') return;
      const read = parseFleetPayload(WallCueSchema, topic, payload);
      if (!read.ok) {
        logger.warn({ problem: read.message }, 'wall: ignored a bad cue');
        return;
      }
      apply(read.value);
    }) ?? (() => undefined);
  // Why: a cue made while the bus was down goes out when it is back; the others jump to where the leader is.
  const offConnect =
    bus?.onConnect(() => {
      if (unsent !== null) publish(unsent);
    }) ?? (() => undefined);

  const ok = (command: ControlCommand): ControlReply => {
    const state = gateway?.target.states().find((s) => s.screen === screen);
    return state === undefined
      ? errorReply(command.id ?? null, 'internal', 'the wall member has no state to report')
      : { ok: true, id: command.id ?? null, state };
  };
  const stage: CommandStage = (command, transport: Transport) => {
    if (command.screen !== undefined && command.screen !== screen) return null;
    const read = readWallCommand(
      command,
      host.playlist.slides.map((s) => s.id),
    );
    if (read.kind === 'not-wall') return null;
    const id = command.id ?? null;
    if (read.kind === 'unknown-slide') return Promise.resolve(errorReply(id, 'unknown-slide', read.message));
    const refused =
      read.command.type === 'goto'
        ? wallGotoRefusal(host.playlist, read.command.slideId, driver.fleetNow() + CUE_LEAD_MS, setting.name)
        : null;
    if (refused !== null) return Promise.resolve(errorReply(id, refused.code, refused.message));
    const cueIt = (): ControlReply => {
      count += 1;
      const at = driver.fleetNow() + CUE_LEAD_MS;
      const cue: WallCue = {
        id: `${screen}-${Math.round(at)}-${count}`,
        at,
        command: read.command,
        base: driver.anchorBefore(at),
      };
      apply(cue);
      publish(cue);
      logger.info({ wall: setting.name, command: read.command, at }, 'wall: cued the wall');
      return ok(command);
    };
    // Why: without a bus a cue reaches no other member; this screen alone would leave the wall's slide.
    if (bus === null) {
      return Promise.resolve(
        errorReply(
          id,
          'unavailable',
          `screen ${screen} is in wall ${setting.name} but not in a fleet, so a wall command here would move this screen alone: join the wall's screens to a fleet ("fleet" in config.json, docs/fleet.md) and their leader's controls or marquee hub cue every member at once (docs/walls.md)`,
        ),
      );
    }
    if (transport.kind === 'fleet') {
      return waitForCue(String(id)).then((cued) => (cued || !isWallLeader(setting) ? ok(command) : cueIt()));
    }
    if (isWallLeader(setting)) return Promise.resolve(cueIt());
    return Promise.resolve(
      errorReply(
        id,
        'unavailable',
        `screen ${screen} is column ${setting.column + 1}, row ${setting.row + 1} of wall ${setting.name}: wall commands go to its leader (column 1, row 1) or through marquee hub, which cue every member at once`,
      ),
    );
  };
  const offStage = gateway?.addCommandStage(stage) ?? (() => undefined);

  return () => {
    offStage();
    offConnect();
    offCue();
    seenListeners.clear();
  };
}
