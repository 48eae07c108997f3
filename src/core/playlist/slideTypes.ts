/**
 * The names of the slide types, in the order the docs list them. A module of its own, with no zod, so a client that
 * only needs the names (the web remote's state schemas) does not bundle the playlist schema; `schema.ts` fails to
 * compile when its slide schemas and this list disagree.
 */
export const SLIDE_TYPES = [
  'speaker',
  'practice',
  'course',
  'sponsors',
  'announcement',
  'image',
  'video',
  'schedule',
  'countdown',
  'qr',
] as const;

/** The name of one slide type. */
export type SlideTypeName = (typeof SLIDE_TYPES)[number];
