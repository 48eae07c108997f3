/** The custom scheme the kiosk pages are served from (registered as standard and secure). */
export const APP_SCHEME = 'app';

/** The one origin kiosk pages may have. */
export const RENDERER_ORIGIN = 'app://renderer';

/** The page every kiosk window loads. */
export const RENDERER_URL = `${RENDERER_ORIGIN}/index.html`;

/** Where playlist media appear to the renderer (the same `/media/` prefix browser mode uses). */
export const MEDIA_BASE = `${RENDERER_ORIGIN}/media/`;

/**
 * Whether a page may navigate to `url`: only pages of the app://renderer origin (no credentials, no
 * other host or scheme). Everything else (web pages, file:, javascript:, data:) is denied.
 */
export function isAllowedNavigation(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === 'renderer' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Whether an IPC message comes from a kiosk page (the sender frame's URL is on app://renderer). */
export function isTrustedSender(senderUrl: string | undefined): boolean {
  return senderUrl !== undefined && isAllowedNavigation(senderUrl);
}
