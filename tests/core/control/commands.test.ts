import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, parseCommand, parseCommandText } from '../../../src/core/control/commands';
import { ERROR_CODES } from '../../../src/core/control/replies';

describe('parseCommand', () => {
  it('accepts every command of protocol v1 with its arguments', () => {
    const samples = [
      { type: 'next' },
      { type: 'prev', id: 7 },
      { type: 'goto', slide: 'keynote-1', id: 'a' },
      { type: 'goto', slide: 3, screen: 'hall-a' },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'blackout', on: true },
      {
        type: 'announce',
        text: { zh: '午餐时间', en: 'Lunch is served' },
        seconds: 300,
        style: 'urgent',
        title: 'Lunch',
      },
      { type: 'clear-announcement' },
      { type: 'reload' },
      { type: 'status' },
    ];
    for (const s of samples) {
      const r = parseCommand(s);
      expect(r.ok, JSON.stringify(s)).toBe(true);
      if (r.ok) expect(r.command).toEqual(s);
    }
    expect(new Set(samples.map((s) => s.type))).toEqual(new Set(COMMAND_TYPES));
  });

  it('names the known types and suggests the nearest one for a misspelt type', () => {
    const r = parseCommand({ type: 'nxet', id: 5 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.id).toBe(5);
    expect(r.error.code).toBe('unknown-type');
    expect(r.error.message).toContain('Did you mean "next"?');
    for (const t of COMMAND_TYPES) expect(r.error.message).toContain(t);
  });

  it('explains a bad argument and shows what the command accepts', () => {
    const r = parseCommand({ type: 'announce', text: 'Hi', seconds: 0 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad-argument');
    expect(r.error.message).toMatch(/seconds must be between 1 and 86400/);
    expect(r.error.message).toContain('"type":"announce"');
  });

  it('refuses unknown fields, positions below 1 and a blackout without on', () => {
    const unknownField = parseCommand({ type: 'next', slide: 2 });
    expect(unknownField.ok || unknownField.error.message).toMatch(/unknown field "slide"/);
    const zero = parseCommand({ type: 'goto', slide: 0 });
    expect(zero.ok || zero.error.message).toMatch(/positions start at 1/);
    const blackout = parseCommand({ type: 'blackout' });
    expect(blackout.ok || blackout.error.code).toBe('bad-argument');
  });

  it('reports bad JSON with the reason', () => {
    const r = parseCommandText('{"type": next}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad-json');
    expect(r.error.message).toMatch(/not valid JSON \(.+\)/);
  });

  it('never throws on random JSON and always answers with a known code', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = parseCommand(value);
        if (!r.ok) {
          expect(ERROR_CODES).toContain(r.error.code);
          expect(r.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on random command-shaped objects', () => {
    const arb = fc.record(
      {
        type: fc.oneof(fc.constantFrom(...COMMAND_TYPES), fc.string()),
        id: fc.oneof(fc.string(), fc.integer(), fc.object()),
        slide: fc.jsonValue(),
        on: fc.jsonValue(),
        text: fc.jsonValue(),
        seconds: fc.jsonValue(),
        style: fc.jsonValue(),
        screen: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(arb, (value) => {
        const r = parseCommand(value);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const r = parseCommandText(text);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});
