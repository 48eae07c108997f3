import type { ControlCommand } from '../../core/control/commands';
import { type ControlState, toControlState, toPlaylistItems } from '../../core/control/controlState';
import { type ControlReply, errorReply } from '../../core/control/replies';
import { checkGotoTarget, toAction } from '../../core/control/toPlayerEvent';
import { isEligible, isForScreen } from '../../core/player/eligibility';
import type { PlayerEvent, PlayerState } from '../../core/player/playerTypes';
import type { ShowView } from '../../core/view/showView';
import type { ControlTarget, Transport } from './controlTarget';

/** The part of a PlayerHost (one screen) that the control channels use. */
export interface PlayerHostLike {
  dispatch(
    event: PlayerEvent,
    source: string,
  ): Readonly<{ ok: true; state: PlayerState }> | Readonly<{ ok: false; code: string; message: string }>;
  reload(): Promise<unknown>;
  getView(): ShowView;
  getState(): PlayerState;
  /** Whether the last edit of the playlist was refused, and why (`messages`, one a problem). */
  status(): Readonly<{
    playlistStatus: Readonly<{ ok: true }> | Readonly<{ ok: false; messages: readonly string[] }>;
  }>;
  onView(listener: (view: ShowView) => void): () => void;
  onStatus(listener: (status: unknown) => void): () => void;
}

/** One screen the host drives, by name. */
export type NamedHost = Readonly<{ name: string; host: PlayerHostLike }>;

/** Adapts one or more PlayerHosts (one a screen) to the command path; routes by `screen`, else to all. */
export function playerHostTarget(screens: readonly NamedHost[]): ControlTarget {
  if (screens.length === 0) throw new Error('playerHostTarget: give at least one screen');
  const stateOf = (s: NamedHost): ControlState => {
    const state = s.host.getState();
    const playlist = s.host.status().playlistStatus;
    const playlistErrors = playlist.ok ? [] : playlist.messages;
    return toControlState({
      view: s.host.getView(),
      slides: state.playlist.slides,
      announcementEndsAt: state.announcement?.endsAt ?? null,
      playlistErrors,
    });
  };

  const runOn = async (
    s: NamedHost,
    command: ControlCommand,
    transport: Transport,
  ): Promise<ControlReply> => {
    const id = command.id ?? null;
    const action = toAction(command);
    if (action.kind === 'reload') await s.host.reload();
    if (action.kind === 'event') {
      if (action.event.type === 'goto') {
        const problem = checkGotoTarget(action.event.target, s.host.getState().playlist.slides);
        if (problem) return errorReply(id, problem.code, withScreen(problem.message, s, screens));
      }
      const result = s.host.dispatch(action.event, `${transport.kind}:${transport.client}`);
      if (!result.ok) return errorReply(id, toErrorCode(result.code), withScreen(result.message, s, screens));
    }
    return { ok: true, id, state: stateOf(s) };
  };

  return {
    async execute(command, transport) {
      const id = command.id ?? null;
      try {
        const chosen =
          command.screen === undefined ? screens : screens.filter((s) => s.name === command.screen);
        if (chosen.length === 0) {
          return errorReply(
            id,
            'unknown-screen',
            `no screen named "${command.screen}"; this host drives: ${screens.map((s) => s.name).join(', ')} (omit "screen" to address all)`,
          );
        }
        const replies: ControlReply[] = [];
        for (const s of chosen) replies.push(await runOn(s, command, transport));
        const failed = replies.find((r) => !r.ok);
        if (failed) return failed;
        const states = replies.flatMap((r) => (r.ok ? [r.state] : []));
        const first = states[0];
        if (!first) return errorReply(id, 'internal', 'no screen answered');
        return screens.length > 1
          ? { ok: true, id, state: first, screens: states }
          : { ok: true, id, state: first };
      } catch (err) {
        return errorReply(id, 'internal', `the host failed to carry out "${command.type}": ${String(err)}`);
      }
    },
    onStateChange(listener) {
      // Why: a change fires both onView and onStatus; one state push per screen per tick is enough.
      const queued = new Set<NamedHost>();
      const changed = (s: NamedHost) => () => {
        if (queued.has(s)) return;
        queued.add(s);
        queueMicrotask(() => {
          queued.delete(s);
          listener(stateOf(s));
        });
      };
      const offs = screens.flatMap((s) => [s.host.onView(changed(s)), s.host.onStatus(changed(s))]);
      return () => {
        for (const off of offs) off();
      };
    },
    states: () => screens.map(stateOf),
    playlist(screen) {
      const s = screen === undefined ? screens[0] : screens.find((x) => x.name === screen);
      if (!s) return null;
      const state = s.host.getState();
      const now = s.host.getView().now;
      return toPlaylistItems(
        state.playlist.slides,
        (slide) => isEligible(state.playlist, slide, now),
        (slide) => isForScreen(slide, state.audience),
      );
    },
  };
}

function withScreen(message: string, s: NamedHost, all: readonly NamedHost[]): string {
  return all.length > 1 ? `screen "${s.name}": ${message}` : message;
}

function toErrorCode(
  code: string,
): 'unknown-slide' | 'bad-position' | 'nothing-eligible' | 'not-for-screen' | 'empty-playlist' | 'internal' {
  switch (code) {
    case 'unknown-slide':
    case 'bad-position':
    case 'nothing-eligible':
    case 'not-for-screen':
    case 'empty-playlist':
      return code;
    default:
      return 'internal';
  }
}
