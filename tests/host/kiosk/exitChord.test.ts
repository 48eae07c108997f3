import { describe, expect, it } from 'vitest';
import { DEFAULT_EXIT_CHORD, parseExitChord } from '../../../src/host/kiosk/exitChord';

describe('parseExitChord', () => {
  it('accepts the default chord', () => {
    expect(parseExitChord(DEFAULT_EXIT_CHORD)).toEqual({ ok: true, accelerator: 'Control+Alt+Shift+Q' });
  });

  it('normalises aliases, case and spaces', () => {
    expect(parseExitChord('ctrl + alt + shift + q')).toEqual({
      ok: true,
      accelerator: 'Control+Alt+Shift+Q',
    });
    expect(parseExitChord('CmdOrCtrl+Option+f12')).toEqual({
      ok: true,
      accelerator: 'CommandOrControl+Alt+F12',
    });
    expect(parseExitChord('Ctrl+Shift+escape')).toEqual({ ok: true, accelerator: 'Control+Shift+Escape' });
    expect(parseExitChord('Ctrl+Alt++')).toEqual({ ok: true, accelerator: 'Control+Alt+Plus' });
  });

  it('refuses a chord a visitor could hit by accident', () => {
    const one = parseExitChord('Ctrl+Q');
    expect(one.ok).toBe(false);
    expect(!one.ok && one.message).toContain('at least two modifiers');
    expect(parseExitChord('Q').ok).toBe(false);
  });

  it('names the unknown key and how to write one', () => {
    const result = parseExitChord('Ctrl+Alt+Banana');
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('unknown key "Banana"'),
    });
  });

  it('refuses two keys, repeated modifiers and empty parts', () => {
    expect(parseExitChord('Ctrl+Alt+Q+W').ok).toBe(false);
    expect(parseExitChord('Ctrl+Control+Q').ok).toBe(false);
    expect(parseExitChord('Ctrl++Alt+Q').ok).toBe(false);
    expect(parseExitChord('').ok).toBe(false);
    expect(parseExitChord('Ctrl+Alt+Shift').ok).toBe(false);
  });
});
