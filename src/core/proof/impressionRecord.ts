import { z } from 'zod';
import type { Effect, EndReason } from '../player/playerTypes';
import type { Playlist, Slide, Text } from '../playlist/types';
import { zonedParts } from '../time/zonedTime';

const END_REASONS = [
  'time-up',
  'staff',
  'reload',
  'failed',
  'window-closed',
] as const satisfies readonly EndReason[];

/** One line of a proof-of-play log: one slide's time on one screen. Readers accept unknown extra fields. */
export const ImpressionRecord = z.object({
  /** Record format version. */
  v: z.literal(1),
  /** The day it started on, `YYYY-MM-DD` in the event timezone; the log file and report day. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The event timezone `day` is counted in. */
  tz: z.string().min(1),
  screen: z.string().min(1),
  slideId: z.string().min(1),
  slideType: z.string().min(1),
  /** Sponsors on screen: every sponsor of a sponsor wall; the company of a practice slide; else empty. */
  sponsors: z.array(z.string().min(1)),
  /** When it was painted, ISO 8601 UTC. */
  start: z.iso.datetime(),
  /** When it left the screen, ISO 8601 UTC. */
  end: z.iso.datetime(),
  /** Seconds on screen (the clock stops while paused or blacked out), to the millisecond. */
  seconds: z.number().nonnegative(),
  /** Whether staff moved on before its time was up. */
  cutShort: z.boolean(),
  reason: z.enum(END_REASONS),
});
/** One line of a proof-of-play log. */
export type ImpressionRecord = Readonly<z.infer<typeof ImpressionRecord>>;

/** A `played` effect of the player machine: one slide's time on screen. */
export type PlayedEffect = Omit<Extract<Effect, { type: 'played' }>, 'type'>;

/** The record for one `played` effect on `screen`; the slide's sponsors and the day come from `playlist`. */
export function impressionRecord(
  played: PlayedEffect,
  screen: string,
  playlist: Playlist | null,
): ImpressionRecord {
  const tz = playlist?.event.timezone ?? 'UTC';
  const slide = playlist?.slides.find((s) => s.id === played.slideId) ?? null;
  return {
    v: 1,
    day: zonedParts(played.presentedAt, tz).date,
    tz,
    screen,
    slideId: played.slideId,
    slideType: played.slideType,
    sponsors: slide === null || playlist === null ? [] : [...sponsorsOn(slide, playlist.event.languages)],
    start: new Date(played.presentedAt).toISOString(),
    end: new Date(played.endedAt).toISOString(),
    seconds: Math.round(played.shownMs) / 1000,
    cutShort: played.reason === 'staff',
    reason: played.reason,
  };
}

/** The sponsor names a slide puts on screen, once each, in display order. */
export function sponsorsOn(slide: Slide, languages: readonly string[]): readonly string[] {
  switch (slide.type) {
    case 'sponsors':
      return [...new Set(slide.tiers.flatMap((tier) => tier.sponsors.map((s) => s.name)))];
    case 'practice':
      return [textName(slide.company, languages)];
    default:
      return [];
  }
}

/** One name for a piece of text: the string, or its languages (event order first) joined with " / ". */
export function textName(text: Text, languages: readonly string[]): string {
  if (typeof text === 'string') return text;
  const keys = [
    ...languages.filter((l) => l in text),
    ...Object.keys(text).filter((k) => !languages.includes(k)),
  ];
  return [...new Set(keys.map((k) => text[k]).filter((v): v is string => v !== undefined))].join(' / ');
}
