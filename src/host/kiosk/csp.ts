/** Where the kiosk page runs: in the Electron shell (app://) or a browser talking to `marquee serve` (http://). */
export type CspMode = 'electron' | 'browser';

/**
 * The Content-Security-Policy for kiosk pages, shared by the Electron shell and browser mode: scripts
 * only from the app itself, no plugins, no framing, no forms; images and video from the app, data/blob
 * URLs and https (playlists may point at web media). Browser mode also needs its WebSocket. The shell is
 * stricter: nothing by default, and scripts only from the renderer build's `assets/` folder, so that no
 * file of a playlist folder (served under `/media/` on the same origin) can ever run as a script.
 */
export function contentSecurityPolicy(mode: CspMode): string {
  const directives: ReadonlyArray<readonly [string, string]> = [
    ['default-src', mode === 'electron' ? "'none'" : "'self'"],
    ['script-src', mode === 'electron' ? 'app://renderer/assets/' : "'self'"],
    // Why: React and framer-motion set inline style attributes on every animated frame.
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob: https:"],
    ['media-src', "'self' blob: https:"],
    ['font-src', "'self' data:"],
    ['connect-src', mode === 'browser' ? "'self' ws: wss:" : "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}
