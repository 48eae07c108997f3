import { describe, expect, it } from 'vitest';
import { createFitGroup } from '../../../src/renderer/text/fitGroup';

function member(group: ReturnType<typeof createFitGroup>) {
  const shown: number[] = [];
  const m = group.join((size) => shown.push(size));
  return { m, last: () => shown.at(-1) };
}

describe('createFitGroup', () => {
  it('shows every member at the smallest size any member fits at alone', () => {
    const g = createFitGroup();
    const a = member(g);
    const b = member(g);
    const c = member(g);
    a.m.report(42);
    b.m.report(30);
    c.m.report(36);
    expect([a.last(), b.last(), c.last()]).toEqual([30, 30, 30]);
  });

  it('lifts the others again when the smallest member grows or leaves', () => {
    const g = createFitGroup();
    const a = member(g);
    const b = member(g);
    const c = member(g);
    a.m.report(42);
    b.m.report(26);
    c.m.report(36);
    b.m.report(40);
    expect([a.last(), b.last(), c.last()]).toEqual([36, 36, 36]);
    c.m.leave();
    expect([a.last(), b.last()]).toEqual([40, 40]);
  });

  it('never shows a member larger than it fits at alone', () => {
    const g = createFitGroup();
    const a = member(g);
    const b = member(g);
    a.m.report(28);
    b.m.report(50);
    a.m.report(24);
    expect([a.last(), b.last()]).toEqual([24, 24]);
  });
});
