import type { RendererToHost } from '../core/channels/rendererChannel';

/** What a kiosk key means. */
export type KeyAction = Extract<RendererToHost, { type: 'key' }>['action'];

/** The action of a presenter-clicker key (`KeyboardEvent.key`), or null for any other key. */
export function keyAction(key: string): KeyAction | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'prev';
    case 'p':
    case 'P':
      return 'toggle-pause';
    case 'b':
    case 'B':
      return 'toggle-blackout';
    default:
      return null;
  }
}
