import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_VIEW_ELEMENT_ID, withFirstView } from '../../../src/core/channels/firstView';
import type { ShowView } from '../../../src/core/view/showView';
import { inlinedFirstView } from '../../../src/renderer/api/webSocketApi';

const PAGE =
  '<!doctype html><html><head><title>Marquee</title></head><body><div id="root"></div></body></html>';

/** A view with just what the inlining reads (its slide, theme and asset base) and the text under test. */
function viewWith(text: string, logo?: string): ShowView {
  return {
    seq: 7,
    event: { id: 1 },
    slide: { type: 'announcement', id: 's1', text },
    theme: logo === undefined ? {} : { logo },
    assetBase: '/media/',
  } as unknown as ShowView;
}

/** What a browser's parser gives as the data block's text: everything up to the first `</script`. */
function dataBlockText(html: string): string {
  const open = `<script type="application/json" id="${FIRST_VIEW_ELEMENT_ID}">`;
  const start = html.indexOf(open) + open.length;
  return html.slice(start, html.toLowerCase().indexOf('</script', start));
}

describe('withFirstView', () => {
  it('inlines the message so the page reads back the same view, whatever text the slides hold', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const view = viewWith(text);
        const html = withFirstView(PAGE, view, JSON.stringify({ type: 'show', view }));
        const block = dataBlockText(html);
        const doc = { getElementById: () => ({ textContent: block }) } as unknown as Document;
        expect(inlinedFirstView(doc)).toEqual(view);
      }),
    );
  });

  it('preloads the same-origin images of the slide and theme, never an https one', () => {
    const local = viewWith('hi', 'logos/our logo.svg');
    expect(withFirstView(PAGE, local, '{}')).toContain(
      '<link rel="preload" as="image" href="/media/logos/our%20logo.svg">',
    );
    const remote = viewWith('hi', 'https://cdn.example.org/logo.svg');
    expect(withFirstView(PAGE, remote, '{}')).not.toContain('rel="preload"');
  });

  it('leaves a page without a head as it is, and the renderer finds no view in it', () => {
    expect(withFirstView('<p>no head</p>', viewWith('x'), '{}')).toBe('<p>no head</p>');
    expect(inlinedFirstView({ getElementById: () => null } as unknown as Document)).toBeNull();
    const notShow = { getElementById: () => ({ textContent: '{"type":"reload"}' }) } as unknown as Document;
    expect(inlinedFirstView(notShow)).toBeNull();
  });
});
