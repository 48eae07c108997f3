import type { ShowView } from '../view/showView';
import { assetUrl } from '../view/assetUrl';
import { slideAssets } from '../view/slideAssets';

/** The id of the `<script type="application/json">` in which browser mode inlines the first `show` message. */
export const FIRST_VIEW_ELEMENT_ID = 'marquee-first-view';

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The kiosk page's HTML with the first `show` message inlined before `</head>` as a data block (`message`: the
 * JSON text the renderer socket would send first, of `view`), so the renderer can paint before its socket is
 * open, and a preload of each same-origin image the view's slide and theme draw, so they load while the page's
 * script does. A data block is never run (the page's CSP is untouched); `<` is escaped so no text in a slide can
 * close the element.
 */
export function withFirstView(html: string, view: ShowView, message: string): string {
  const at = html.indexOf('</head>');
  if (at < 0) return html;
  const preloads = slideAssets(view.slide, view.theme)
    .images.map((ref) => assetUrl(ref, view.assetBase))
    .filter((url) => url.startsWith('/'))
    .map((url) => `<link rel="preload" as="image" href="${escapeAttribute(url)}">\n`)
    .join('');
  const data = message.replace(/</g, '\\u003c');
  return `${html.slice(0, at)}${preloads}<script type="application/json" id="${FIRST_VIEW_ELEMENT_ID}">${data}</script>\n${html.slice(at)}`;
}
