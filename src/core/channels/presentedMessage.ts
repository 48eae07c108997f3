import type { PresentedMessage } from './rendererChannel';

/**
 * The `presented` message of `RendererApi.presented`, with only the fields given (the schema is strict).
 * Its own file, importing types only, so the preload and the page's WebSocket client stay free of zod.
 */
export function presentedMessage(
  seq: number,
  mediaDurationMs?: number,
  paintedAt?: number,
  missedFrames?: number,
): PresentedMessage {
  return {
    type: 'presented',
    seq,
    ...(mediaDurationMs === undefined ? {} : { mediaDurationMs }),
    ...(paintedAt === undefined ? {} : { paintedAt }),
    ...(missedFrames === undefined ? {} : { missedFrames }),
  };
}
