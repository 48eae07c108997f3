/**
 * The longest strings a playlist may hold, in characters: far more than a screen can show, so no real
 * show reaches them, and small enough that one pasted-in file cannot stall the host or every renderer.
 * (A module without zod, shared by the playlist schema and the wire schemas the web remote bundles.)
 */
export const TEXT_LIMITS = {
  /** Text drawn on screen (names, titles, points, announcements) and short labels. */
  text: 2000,
  /** Organisers' notes, never shown on screen. */
  notes: 20_000,
  /** Asset paths and URLs (signed CDN URLs run long). */
  ref: 8192,
} as const;

/** A language code such as `zh`, `en` or `pt-BR`. */
export const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** What is wrong with a string that is not a language code. */
export const LANGUAGE_CODE_MESSAGE = 'must be a language code such as "zh", "en" or "pt-BR"';
