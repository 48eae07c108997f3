import type { RendererApi, RendererToHost } from '../../core/channels/rendererChannel';
import type { ShowView } from '../../core/view/showView';

/** A RendererApi that tests drive: `push(view)` shows a view, and every message sent is recorded in `sent`. */
export type TestApi = RendererApi & Readonly<{ push(view: ShowView): void; sent: RendererToHost[] }>;

/**
 * Makes the in-page test API. Self-contained on purpose (no imports, no outer names), so a test can
 * inject it with `page.addInitScript(\`window.__MARQUEE_TEST_API__ = (${createTestApi})()\`)`.
 */
export function createTestApi(): TestApi {
  const listeners: Array<(view: ShowView) => void> = [];
  const sent: RendererToHost[] = [];
  let last: ShowView | null = null;
  return {
    sent,
    onShow(listener) {
      listeners.push(listener);
      if (last !== null) listener(last);
      return () => {
        const i = listeners.indexOf(listener);
        if (i >= 0) listeners.splice(i, 1);
      };
    },
    presented(seq, mediaDurationMs, paintedAt, missedFrames) {
      sent.push({
        type: 'presented',
        seq,
        ...(mediaDurationMs === undefined ? {} : { mediaDurationMs }),
        ...(paintedAt === undefined ? {} : { paintedAt }),
        ...(missedFrames === undefined ? {} : { missedFrames }),
      });
    },
    problem(seq, kind, ref, message) {
      sent.push({ type: 'problem', seq, kind, ref, message });
    },
    videoTime(seq, mediaS, at, playbackRate) {
      sent.push({ type: 'video-time', seq, mediaS, at, playbackRate });
    },
    key(action) {
      sent.push({ type: 'key', action });
    },
    push(view) {
      last = view;
      for (const l of listeners.slice()) l(view);
    },
  };
}
