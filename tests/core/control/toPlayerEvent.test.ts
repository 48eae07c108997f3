import { describe, expect, it } from 'vitest';
import { checkGotoTarget, toAction } from '../../../src/core/control/toPlayerEvent';
import type { Slide } from '../../../src/core/playlist/types';

const slides: Slide[] = [
  { type: 'speaker', id: 'keynote-1', name: 'Apache Flink PMC member' },
  { type: 'announcement', id: 'lunch', text: 'Lunch is served' },
];

describe('toAction', () => {
  it('maps goto to a player goto with the same target', () => {
    expect(toAction({ type: 'goto', slide: 2 })).toEqual({
      kind: 'event',
      event: { type: 'goto', target: 2 },
    });
  });
  it('keeps only the announcement fields that were given', () => {
    expect(toAction({ type: 'announce', text: 'x', seconds: 5 })).toEqual({
      kind: 'event',
      event: { type: 'announce', text: 'x', seconds: 5 },
    });
  });
  it('treats reload and status as host actions, not player events', () => {
    expect(toAction({ type: 'reload' }).kind).toBe('reload');
    expect(toAction({ type: 'status' }).kind).toBe('status');
  });
});

describe('checkGotoTarget', () => {
  it('accepts existing ids and positions', () => {
    expect(checkGotoTarget('lunch', slides)).toBeNull();
    expect(checkGotoTarget(2, slides)).toBeNull();
  });
  it('suggests the nearest id for an unknown one', () => {
    const e = checkGotoTarget('keynote1', slides);
    expect(e?.code).toBe('unknown-slide');
    expect(e?.message).toContain('Did you mean "keynote-1"?');
  });
  it('gives the valid range for a position past the end', () => {
    expect(checkGotoTarget(3, slides)?.message).toContain('from 1 to 2');
  });
});
