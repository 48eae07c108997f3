import { describe, expect, it } from 'vitest';
import {
  type DisplayInfo,
  formatDisplaySelection,
  type OpenWindow,
  parseDisplaySelection,
  planWindows,
  targetDisplays,
} from '../../../src/host/kiosk/displayPlan';

const left: DisplayInfo = { id: 11, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const right: DisplayInfo = { id: 22, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };
const far: DisplayInfo = { id: 5, bounds: { x: 5760, y: 0, width: 1280, height: 720 } };

const windowOn = (windowId: number, display: DisplayInfo): OpenWindow => ({
  windowId,
  displayId: display.id,
  bounds: display.bounds,
});

describe('parseDisplaySelection', () => {
  it('reads primary, all and 1-based numbers, in any case and with spaces', () => {
    expect(parseDisplaySelection('primary')).toEqual({ kind: 'primary' });
    expect(parseDisplaySelection(' ALL ')).toEqual({ kind: 'all' });
    expect(parseDisplaySelection('2')).toEqual({ kind: 'number', n: 2 });
  });

  it('refuses zero, negatives, fractions and words', () => {
    for (const bad of ['0', '-1', '1.5', 'second', '', '01', '1e2'])
      expect(parseDisplaySelection(bad)).toBeNull();
  });

  it('writes a selection back as text it reads again', () => {
    for (const text of ['primary', 'all', '3']) {
      const selection = parseDisplaySelection(text);
      expect(selection && formatDisplaySelection(selection)).toBe(text);
    }
  });
});

describe('targetDisplays', () => {
  it('counts numbered displays from the left, whatever order the system lists them in', () => {
    expect(targetDisplays([far, right, left], { kind: 'number', n: 2 }, 11)).toEqual([right]);
    expect(targetDisplays([far, right, left], { kind: 'all' }, 11).map((d) => d.id)).toEqual([11, 22, 5]);
  });

  it('falls back to the primary display when the numbered one is not connected', () => {
    expect(targetDisplays([left, right], { kind: 'number', n: 3 }, 22)).toEqual([right]);
  });

  it('uses the first display when the primary id is unknown, and nothing when there are no displays', () => {
    expect(targetDisplays([right, left], { kind: 'primary' }, 999)).toEqual([left]);
    expect(targetDisplays([], { kind: 'primary' }, 1)).toEqual([]);
  });
});

describe('planWindows', () => {
  it('creates one window on the primary display at start', () => {
    expect(planWindows([left, right], { kind: 'primary' }, [], 22)).toEqual([
      { type: 'create', displayId: 22, bounds: right.bounds },
    ]);
  });

  it('creates a window on every display with --display all', () => {
    expect(planWindows([left, right, far], { kind: 'all' }, [], 11).map((a) => a.type)).toEqual([
      'create',
      'create',
      'create',
    ]);
  });

  it('does nothing when the windows already match the displays', () => {
    expect(planWindows([left, right], { kind: 'all' }, [windowOn(1, left), windowOn(2, right)], 11)).toEqual(
      [],
    );
  });

  it('adds a window when a display is plugged in with --display all', () => {
    expect(planWindows([left, right], { kind: 'all' }, [windowOn(1, left)], 11)).toEqual([
      { type: 'create', displayId: 22, bounds: right.bounds },
    ]);
  });

  it('closes the window of an unplugged display with --display all', () => {
    expect(planWindows([left], { kind: 'all' }, [windowOn(1, left), windowOn(2, right)], 11)).toEqual([
      { type: 'close', windowId: 2 },
    ]);
  });

  it('moves the window (keeping its page) when its display goes away and another must show the kiosk', () => {
    expect(planWindows([left], { kind: 'number', n: 2 }, [windowOn(7, right)], 11)).toEqual([
      { type: 'move', windowId: 7, displayId: 11, bounds: left.bounds },
    ]);
  });

  it('moves the window back to the chosen display when it is plugged in again', () => {
    expect(planWindows([left, right], { kind: 'number', n: 2 }, [windowOn(7, left)], 11)).toEqual([
      { type: 'move', windowId: 7, displayId: 22, bounds: right.bounds },
    ]);
  });

  it('resizes a window when its display changes resolution', () => {
    const resized: DisplayInfo = { id: 11, bounds: { x: 0, y: 0, width: 1280, height: 720 } };
    expect(planWindows([resized], { kind: 'primary' }, [windowOn(3, left)], 11)).toEqual([
      { type: 'move', windowId: 3, displayId: 11, bounds: resized.bounds },
    ]);
  });

  it('closes duplicate windows on one display', () => {
    expect(planWindows([left], { kind: 'primary' }, [windowOn(1, left), windowOn(2, left)], 11)).toEqual([
      { type: 'close', windowId: 2 },
    ]);
  });
});
