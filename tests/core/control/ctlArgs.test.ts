import { describe, expect, it } from 'vitest';
import { commandFromArgs } from '../../../src/core/control/ctlArgs';

describe('commandFromArgs', () => {
  it('reads a number after goto as a position and anything else as an id', () => {
    const pos = commandFromArgs('goto', ['3'], {});
    expect(pos.ok && pos.command).toEqual({ type: 'goto', slide: 3 });
    const id = commandFromArgs('goto', ['keynote-1'], { screen: 'hall' });
    expect(id.ok && id.command).toEqual({ type: 'goto', slide: 'keynote-1', screen: 'hall' });
  });
  it('reads blackout on/off', () => {
    const on = commandFromArgs('blackout', ['on'], {});
    expect(on.ok && on.command).toEqual({ type: 'blackout', on: true });
    const bad = commandFromArgs('blackout', ['maybe'], {});
    expect(bad.ok || bad.error.message).toMatch(/on or off/);
  });
  it('builds an announcement with seconds, style and both languages', () => {
    const r = commandFromArgs('announce', ['Lunch', 'is', 'served'], {
      seconds: '300',
      style: 'urgent',
      zh: '午餐时间',
    });
    expect(r.ok && r.command).toEqual({
      type: 'announce',
      text: { zh: '午餐时间', en: 'Lunch is served' },
      seconds: 300,
      style: 'urgent',
    });
  });
  it('refuses a seconds value outside 1–86400 with the protocol message', () => {
    const r = commandFromArgs('announce', ['x'], { seconds: '0' });
    expect(r.ok || r.error.message).toMatch(/between 1 and 86400/);
  });
  it('suggests the right command for a typo', () => {
    const r = commandFromArgs('pasue', [], {});
    expect(r.ok || r.error.message).toContain('Did you mean "pause"?');
  });
});
