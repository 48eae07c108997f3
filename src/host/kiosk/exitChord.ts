/** The default key chord that quits the kiosk. */
export const DEFAULT_EXIT_CHORD = 'Control+Alt+Shift+Q';

/** The result of checking an exit chord. */
export type ChordCheck =
  | Readonly<{ ok: true; accelerator: string }>
  | Readonly<{ ok: false; message: string }>;

const MODIFIERS: Readonly<Record<string, string>> = {
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const NAMED_KEYS = [
  'Plus',
  'Space',
  'Tab',
  'Capslock',
  'Numlock',
  'Scrolllock',
  'Backspace',
  'Delete',
  'Insert',
  'Return',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'Esc',
  'VolumeUp',
  'VolumeDown',
  'VolumeMute',
  'MediaNextTrack',
  'MediaPreviousTrack',
  'MediaStop',
  'MediaPlayPause',
  'PrintScreen',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
] as const;

const KEYS: ReadonlyMap<string, string> = new Map([
  ...NAMED_KEYS.map((k) => [k.toLowerCase(), k] as const),
  ...Array.from({ length: 24 }, (_, i) => [`f${i + 1}`, `F${i + 1}`] as const),
  ...Array.from({ length: 10 }, (_, i) => [`num${i}`, `num${i}`] as const),
]);

/**
 * Checks an exit chord written as an Electron accelerator (`Ctrl+Alt+Shift+Q`) and returns it in
 * canonical spelling. It needs at least two modifiers and exactly one key, so that a visitor or a
 * presenter clicker cannot quit the kiosk by accident.
 */
export function parseExitChord(text: string): ChordCheck {
  const parts = text.split('+').map((p) => p.trim());
  // Why: `Ctrl+Alt++` is how some people write the plus key.
  if (text.trim().endsWith('++')) parts.splice(-2, 2, 'Plus');
  if (parts.some((p) => p === '')) {
    return fail(text, 'has an empty part; write keys joined by "+", e.g. Ctrl+Alt+Shift+Q');
  }
  const modifiers: string[] = [];
  const keys: string[] = [];
  for (const part of parts) {
    const modifier = MODIFIERS[part.toLowerCase()];
    if (modifier !== undefined) {
      if (modifiers.includes(modifier)) return fail(text, `repeats the modifier ${modifier}`);
      modifiers.push(modifier);
      continue;
    }
    const key = keyName(part);
    if (key === null) {
      return fail(
        text,
        `has an unknown key "${part}"; use a letter, a digit, F1–F24 or a named key such as Escape`,
      );
    }
    keys.push(key);
  }
  if (keys.length !== 1) return fail(text, `needs exactly one non-modifier key (found ${keys.length})`);
  if (modifiers.length < 2) {
    return fail(
      text,
      'needs at least two modifiers (e.g. Ctrl+Alt+…) so that nobody quits the kiosk by accident',
    );
  }
  return { ok: true, accelerator: [...modifiers, ...keys].join('+') };
}

function keyName(part: string): string | null {
  if (/^[a-z0-9]$/i.test(part)) return part.toUpperCase();
  if (/^[)!@#$%^&*(:;"'<>?~{}|`\-=[\]\\,./]$/.test(part)) return part;
  return KEYS.get(part.toLowerCase()) ?? null;
}

function fail(text: string, why: string): ChordCheck {
  return { ok: false, message: `exit chord "${text}" ${why}` };
}
