/** The IPC channels between the Electron main process and a kiosk page: one per message. */
export const IPC = {
  /** main → renderer: `{type:'show', view}`. */
  show: 'marquee:show',
  /** renderer → main: a `presented` message. */
  presented: 'marquee:presented',
  /** renderer → main: a `problem` message. */
  problem: 'marquee:problem',
  /** renderer → main: a `video-time` message. */
  videoTime: 'marquee:video-time',
  /** renderer → main: a `key` message. */
  key: 'marquee:key',
} as const;

/** The channels a renderer sends on. */
export type RendererChannel = (typeof IPC)['presented' | 'problem' | 'videoTime' | 'key'];
