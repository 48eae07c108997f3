import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCREENSHOT_WIDTH,
  formatOfAccept,
  MAX_SCREENSHOT_WIDTH,
  MIN_SCREENSHOT_WIDTH,
  parseScreenshotQuery,
  pickDisplay,
} from '../../../src/core/control/screenshotQuery';

const parse = (query: string, accept?: string) => parseScreenshotQuery(new URLSearchParams(query), accept);

describe('parseScreenshotQuery', () => {
  it('asks for the first display as a JPEG of the default width when given nothing', () => {
    expect(parse('')).toEqual({
      ok: true,
      query: { display: null, format: 'jpeg', width: DEFAULT_SCREENSHOT_WIDTH },
    });
  });

  it('reads every valid display, width and format back as given', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: MIN_SCREENSHOT_WIDTH, max: MAX_SCREENSHOT_WIDTH }),
        fc.constantFrom('jpeg', 'jpg', 'png'),
        (display, width, format) => {
          const r = parse(`display=${display}&width=${width}&format=${format}`);
          expect(r).toEqual({
            ok: true,
            query: { display, width, format: format === 'png' ? 'png' : 'jpeg' },
          });
        },
      ),
    );
  });

  it('refuses any display that is not a whole number from 1, naming the parameter', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/^[0-9]{1,6}$/.test(s) || Number(s) < 1),
        (display) => {
          const r = parse(new URLSearchParams({ display }).toString());
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.message).toMatch(/^display must be a display number from 1/);
        },
      ),
    );
  });

  it('refuses widths out of range, unknown formats, unknown and repeated parameters', () => {
    expect(parse(`width=${MAX_SCREENSHOT_WIDTH + 1}`)).toMatchObject({ ok: false, message: /width must be/ });
    expect(parse('format=gif')).toEqual({ ok: false, message: 'format must be jpeg or png' });
    expect(parse('screen=hall-a')).toMatchObject({ ok: false, message: /unknown parameter screen/ });
    expect(parse('display=1&display=2')).toEqual({
      ok: false,
      message: 'display is given twice; give it once',
    });
  });

  it('answers PNG only to an Accept that names PNG and not JPEG; format wins over Accept', () => {
    expect(formatOfAccept('image/png')).toBe('png');
    expect(formatOfAccept('image/png, image/jpeg;q=0.5')).toBe('jpeg');
    expect(formatOfAccept('image/*')).toBe('jpeg');
    expect(formatOfAccept(undefined)).toBe('jpeg');
    expect(parse('format=jpeg', 'image/png')).toMatchObject({ ok: true, query: { format: 'jpeg' } });
    expect(parse('', 'image/png')).toMatchObject({ ok: true, query: { format: 'png' } });
  });
});

describe('pickDisplay', () => {
  it('takes a display inside 1..count and names the valid range for any other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: -5, max: 40 }), (count, n) => {
        const r = pickDisplay(n, count);
        if (n >= 1 && n <= count) expect(r).toEqual({ ok: true, index: n - 1 });
        else {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.message).toContain(count === 1 ? 'display must be 1' : `1 to ${count}`);
          if (!r.ok) expect(r.message).toContain(`(got ${n})`);
        }
      }),
    );
  });

  it('means the first display when none is named', () => {
    expect(pickDisplay(null, 3)).toEqual({ ok: true, index: 0 });
  });
});
