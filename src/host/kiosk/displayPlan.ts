import { assertNever } from '../../core/assertNever';

/** A rectangle in display-independent pixels, as Electron's `screen` reports it. */
export type Bounds = Readonly<{ x: number; y: number; width: number; height: number }>;

/** The part of an Electron `Display` the window planner needs. */
export type DisplayInfo = Readonly<{ id: number; bounds: Bounds }>;

/** Which displays get a kiosk window: the primary one, every one, or the Nth from the left (1-based). */
export type DisplaySelection =
  | Readonly<{ kind: 'primary' }>
  | Readonly<{ kind: 'all' }>
  | Readonly<{ kind: 'number'; n: number }>;

/** A kiosk window that is already open, and the display it is on. */
export type OpenWindow = Readonly<{ windowId: number; displayId: number; bounds: Bounds }>;

/** One thing to do so that the open windows match the displays. */
export type WindowAction =
  | Readonly<{ type: 'create'; displayId: number; bounds: Bounds }>
  | Readonly<{ type: 'move'; windowId: number; displayId: number; bounds: Bounds }>
  | Readonly<{ type: 'close'; windowId: number }>;

/** Parses `--display` text: `primary`, `all`, or a 1-based number counted from the left; null when invalid. */
export function parseDisplaySelection(text: string): DisplaySelection | null {
  const value = text.trim().toLowerCase();
  if (value === 'primary') return { kind: 'primary' };
  if (value === 'all') return { kind: 'all' };
  if (!/^[1-9]\d{0,2}$/.test(value)) return null;
  return { kind: 'number', n: Number(value) };
}

/** Writes a selection back as the text `parseDisplaySelection` reads. */
export function formatDisplaySelection(selection: DisplaySelection): string {
  return selection.kind === 'number' ? String(selection.n) : selection.kind;
}

/** The displays in left-to-right order (then top to bottom): display 1 is the first. */
export function orderDisplays(displays: readonly DisplayInfo[]): readonly DisplayInfo[] {
  return [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || a.id - b.id);
}

/**
 * The displays that should show a kiosk, in left-to-right order. A numbered display that is not
 * connected falls back to the primary one, so the screen never stays dark while a cable is out.
 */
export function targetDisplays(
  displays: readonly DisplayInfo[],
  selection: DisplaySelection,
  primaryId: number,
): readonly DisplayInfo[] {
  const ordered = orderDisplays(displays);
  const primary = ordered.find((d) => d.id === primaryId) ?? ordered[0];
  switch (selection.kind) {
    case 'all':
      return ordered;
    case 'primary':
      return primary ? [primary] : [];
    case 'number': {
      const chosen = ordered[selection.n - 1] ?? primary;
      return chosen ? [chosen] : [];
    }
    default:
      return assertNever(selection);
  }
}

/**
 * Plans the window changes after displays were added, removed or changed: keeps a window on a display
 * that is still wanted (moving it if the display's bounds changed), moves a window whose display went
 * away to a wanted display that has none (so its page stays loaded), creates the rest, closes leftovers.
 */
export function planWindows(
  displays: readonly DisplayInfo[],
  selection: DisplaySelection,
  existing: readonly OpenWindow[],
  primaryId: number,
): readonly WindowAction[] {
  const targets = targetDisplays(displays, selection, primaryId);
  const actions: WindowAction[] = [];
  const unplaced: DisplayInfo[] = [];
  const kept = new Set<number>();

  for (const display of targets) {
    const win = existing.find((w) => w.displayId === display.id && !kept.has(w.windowId));
    if (!win) {
      unplaced.push(display);
      continue;
    }
    kept.add(win.windowId);
    if (!sameBounds(win.bounds, display.bounds)) {
      actions.push({ type: 'move', windowId: win.windowId, displayId: display.id, bounds: display.bounds });
    }
  }

  const spare = existing.filter((w) => !kept.has(w.windowId));
  for (const display of unplaced) {
    const win = spare.shift();
    actions.push(
      win
        ? { type: 'move', windowId: win.windowId, displayId: display.id, bounds: display.bounds }
        : { type: 'create', displayId: display.id, bounds: display.bounds },
    );
  }
  for (const win of spare) actions.push({ type: 'close', windowId: win.windowId });
  return actions;
}

function sameBounds(a: Bounds, b: Bounds): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
