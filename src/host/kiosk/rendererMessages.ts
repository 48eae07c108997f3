import {
  KeyMessage,
  PresentedMessage,
  ProblemMessage,
  type RendererToHost,
  VideoTimeMessage,
} from '../../core/channels/rendererChannel';
import type { PlayerEvent } from '../../core/player/playerTypes';
import { isTrustedSender } from './appOrigin';
import { IPC, type RendererChannel } from './ipcChannels';
import { assertNever } from '../../core/assertNever';

/** A renderer message accepted from IPC, or why it was dropped. */
export type IpcVerdict =
  | Readonly<{ ok: true; message: RendererToHost }>
  | Readonly<{ ok: false; reason: string }>;

const SCHEMAS = {
  [IPC.presented]: PresentedMessage,
  [IPC.problem]: ProblemMessage,
  [IPC.videoTime]: VideoTimeMessage,
  [IPC.key]: KeyMessage,
} as const;

/**
 * Checks a message that arrived on a renderer channel: the sending frame must be an app://renderer page
 * and the payload must match that channel's schema exactly; anything else is dropped with a reason to log.
 */
export function acceptRendererMessage(
  channel: RendererChannel,
  payload: unknown,
  senderUrl: string | undefined,
): IpcVerdict {
  if (!isTrustedSender(senderUrl)) {
    return {
      ok: false,
      reason: `${channel}: dropped a message from an untrusted frame (${senderUrl ?? 'no frame'})`,
    };
  }
  const parsed = SCHEMAS[channel].safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? first.path.join('.') : 'message';
    return {
      ok: false,
      reason: `${channel}: dropped an invalid message (${where}: ${first?.message ?? 'invalid'})`,
    };
  }
  return { ok: true, message: parsed.data };
}

/** The player state a key press toggles from. */
export type ToggleState = Readonly<{ paused: boolean; blackout: boolean }>;

/**
 * What a renderer message asks the player to do: `presented` acknowledges, a failed video skips its
 * slide, keys step or toggle (only when the kiosk keyboard is enabled). A failed image needs nothing
 * (the renderer shows a placeholder): null.
 */
export function rendererMessageToEvent(
  message: RendererToHost,
  current: ToggleState,
  keyboard: boolean,
): PlayerEvent | null {
  switch (message.type) {
    case 'presented':
      return {
        type: 'presented',
        seq: message.seq,
        ...(message.mediaDurationMs === undefined ? {} : { mediaDurationMs: message.mediaDurationMs }),
        ...(message.paintedAt === undefined ? {} : { paintedAt: message.paintedAt }),
        ...(message.missedFrames === undefined ? {} : { missedFrames: message.missedFrames }),
      };
    case 'problem':
      return message.kind === 'video-failed'
        ? { type: 'slide-failed', seq: message.seq, reason: `${message.ref}: ${message.message}` }
        : null;
    case 'video-time':
      return {
        type: 'video-time',
        seq: message.seq,
        mediaS: message.mediaS,
        at: message.at,
        playbackRate: message.playbackRate,
      };
    case 'key':
      if (!keyboard) return null;
      switch (message.action) {
        case 'next':
          return { type: 'next' };
        case 'prev':
          return { type: 'prev' };
        case 'toggle-pause':
          return { type: current.paused ? 'resume' : 'pause' };
        case 'toggle-blackout':
          return { type: 'blackout', on: !current.blackout };
        default:
          return assertNever(message.action);
      }
    default:
      return assertNever(message);
  }
}
