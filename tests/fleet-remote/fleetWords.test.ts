import { describe, expect, it } from 'vitest';
import { FleetReply } from '../../src/core/channels/fleetContract';
import { ERROR_CODES } from '../../src/core/control/replies';
import { stringsFor } from '../../src/fleet-remote/i18n';
import { ERROR_WORDS } from '../../src/remote-shared/errorWords';
import { sayRefusal } from '../../src/remote-shared/refusal';

const han = /\p{Script=Han}/u;

/** Every code a screen's reply on the fleet bus can carry, read from the contract's schema (its error branch). */
function fleetReplyCodes(): readonly string[] {
  for (const option of FleetReply.def.options) {
    const shape = option.def.shape;
    if ('error' in shape) return shape.error.def.shape.code.options;
  }
  throw new Error('FleetReply has no error branch');
}

// Why: the hub's own refusals (bad body, rate limit, broker silent, …) are `errorReply`s too; ERROR_CODES holds every code.
const FLEET_CODES = [...new Set([...fleetReplyCodes(), ...ERROR_CODES])];

describe('the fleet remote’s words for the refusals of the hub and the screens', () => {
  it('reads the codes from the fleet contract', () => {
    expect(fleetReplyCodes()).toContain('expired');
    expect(fleetReplyCodes()).toContain('nothing-eligible');
  });

  it.each(FLEET_CODES)(
    'says %s as a sentence of its own in Chinese and English, the sender’s text beneath',
    (code) => {
      for (const lang of ['zh', 'en'] as const) {
        const t = stringsFor(lang);
        const said = sayRefusal({ kind: 'refused', code, message: 'the sender’s text' }, lang, t);
        expect(said.detail).toBe('the sender’s text');
        expect(said.headline).not.toBe('the sender’s text');
        expect(said.headline).not.toBe(t.unknownRefusal(code));
        if (lang === 'zh') expect(said.headline).toMatch(/\p{Script=Han}.*。$/u);
        else expect(said.headline).toMatch(/^[A-Z][^\p{Script=Han}]*\.$/u);
      }
    },
  );

  it('never sends staff to a Slides tab, which the fleet remote has not', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const code of FLEET_CODES) {
        const { headline } = sayRefusal({ kind: 'refused', code, message: '' }, lang, stringsFor(lang));
        expect(headline).not.toMatch(/“幻灯片”页|on Slides/);
      }
    }
    // The shared words do: the web remote has that tab.
    expect(ERROR_WORDS.zh['nothing-eligible']).toMatch(/“幻灯片”页/);
  });

  it('says a code it does not know in the sender’s text, and its own words when there is none', () => {
    const zh = stringsFor('zh');
    expect(sayRefusal({ kind: 'refused', code: 'wall-busy', message: 'the wall is busy' }, 'zh', zh)).toEqual(
      {
        headline: 'the wall is busy',
        detail: null,
      },
    );
    expect(sayRefusal({ kind: 'refused', code: 'wall-busy', message: '' }, 'zh', zh).headline).toMatch(
      /wall-busy.*。$/u,
    );
  });

  it('says no answer, a bare status and an unreadable answer as the hub’s, in Chinese', () => {
    const zh = stringsFor('zh');
    for (const refusal of [
      { kind: 'no-answer', detail: null },
      { kind: 'status', status: 502 },
      { kind: 'unreadable', detail: 'screens.0.state: Invalid option' },
    ] as const) {
      const { headline } = sayRefusal(refusal, 'zh', zh);
      expect(headline).toMatch(han);
      expect(headline).toContain('中控');
    }
  });
});
