// Why a file of its own: the renderer imports these values, and rendererChannel.ts would bring zod (and its eval probe, a CSP violation) into the page.

/**
 * A browser-mode renderer on another machine presents the renderer token as the WebSocket sub-protocol
 * `marquee-renderer.<token>`; a loopback renderer needs none.
 */
export const RENDERER_TOKEN_PROTOCOL = 'marquee-renderer.';

/** The kiosk page takes the renderer token from its URL fragment: `http://ADDR:PORT/#renderer-token=…` (never sent to a server). */
export const RENDERER_TOKEN_FRAGMENT = 'renderer-token';
