import { playsOn } from '../channels/fleetTopics';
import type { Playlist, Slide, Window } from '../playlist/types';
import type { Audience } from './playerTypes';
import { nextDate, zonedParts, zonedToInstant, type ZonedParts } from '../time/zonedTime';
import { WEEKDAYS } from '../playlist/fields';

/** Minutes of day of a `HH:MM` time. */
function minuteOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Whether a local moment lies inside a window (`from` inclusive, `to` exclusive). */
export function insideWindow(window: Window, at: ZonedParts): boolean {
  if (window.dates && !window.dates.includes(at.date)) return false;
  if (window.weekdays && !window.weekdays.some((d) => WEEKDAYS.indexOf(d) === at.weekday)) return false;
  const from = window.from ? minuteOf(window.from) : 0;
  const to = window.to ? minuteOf(window.to) : 1440;
  return at.minute >= from && at.minute < to;
}

/** Whether a slide is in the rotation at a local moment: enabled and inside one of its windows (if any). */
export function isEligibleAt(slide: Slide, at: ZonedParts): boolean {
  if (slide.enabled === false) return false;
  if (!slide.when || slide.when.length === 0) return true;
  return slide.when.some((w) => insideWindow(w, at));
}

/** Whether a slide is for a screen: it has no `on`, or its `on` names the screen, one of its groups or its wall. */
export function isForScreen(slide: Slide, audience: Audience | null): boolean {
  if (audience === null) return true;
  const groups = audience.wall === null ? audience.groups : [...audience.groups, audience.wall];
  return playsOn(slide.on, { screen: audience.screen, groups });
}

/** The audience in words, for messages: `screen "door-3" (groups doors, hall-a; wall lobby-wall)`. */
export function describeAudience(audience: Audience): string {
  const parts = [
    ...(audience.groups.length === 0 ? [] : [`groups ${audience.groups.join(', ')}`]),
    ...(audience.wall === null ? [] : [`wall ${audience.wall}`]),
  ];
  return `screen "${audience.screen}"${parts.length === 0 ? ' (no groups)' : ` (${parts.join('; ')})`}`;
}

/** Whether a slide is in the rotation at `now`. */
export function isEligible(playlist: Playlist, slide: Slide, now: number): boolean {
  return isEligibleAt(slide, zonedParts(now, playlist.event.timezone));
}

const boundaryCache = new WeakMap<Playlist, readonly number[]>();

/** Distinct minutes of day at which some window opens or closes (sorted), cached per playlist. */
function boundaryMinutes(playlist: Playlist): readonly number[] {
  const cached = boundaryCache.get(playlist);
  if (cached) return cached;
  const set = new Set<number>();
  for (const slide of playlist.slides) {
    for (const w of slide.when ?? []) {
      set.add(w.from ? minuteOf(w.from) : 0);
      set.add(w.to ? minuteOf(w.to) % 1440 : 0);
    }
  }
  const sorted = [...set].sort((a, b) => a - b);
  boundaryCache.set(playlist, sorted);
  return sorted;
}

/**
 * The next instant after `now` at which any slide may enter or leave its window, or null when no
 * slide has a window. Midnight counts as a boundary (dates and weekdays change there).
 */
export function nextWindowBoundary(playlist: Playlist, now: number): number | null {
  const minutes = boundaryMinutes(playlist);
  if (minutes.length === 0) return null;
  const tz = playlist.event.timezone;
  const today = zonedParts(now, tz);
  const later = minutes.find((m) => m > today.minute);
  if (later !== undefined) {
    const at = zonedToInstant(today.date, later, tz);
    if (at > now) return at;
  }
  // Why: 0 is always a boundary, so the first boundary tomorrow is local midnight.
  const tomorrow = zonedToInstant(nextDate(today.date), 0, tz);
  return tomorrow > now ? tomorrow : now + 60_000;
}
