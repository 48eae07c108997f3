import type { Playlist, Slide } from '../playlist/types';
import { isEligible, isForScreen, nextWindowBoundary } from './eligibility';
import {
  type Audience,
  DEFAULT_DURATION_S,
  FAILURE_RETRY_MS,
  type Effect,
  type EndReason,
  type Instant,
  type PlayerEvent,
  type PlayerState,
  PRESENT_TIMEOUT_MS,
  type RejectCode,
  type SlideSlot,
  type Step,
} from './playerTypes';
import { assertNever } from '../assertNever';
import { nothingEligible, notForScreen, resolveGoto } from './rejections';

export type { PlayerEvent, PlayerState, Effect, Step } from './playerTypes';

/** Where to resume after a restart (from persisted state). */
export type ResumePoint = Readonly<{
  slideId: string;
  elapsedMs?: number;
  paused?: boolean;
  blackout?: boolean;
}>;

/** Planned time on screen for a slide, in ms (a video without `duration`: the default until its length is known). */
export function plannedDurationMs(playlist: Playlist, slide: Slide): number {
  return (slide.duration ?? playlist.defaults?.duration ?? DEFAULT_DURATION_S) * 1000;
}

/** The slide of the current slot, or null when idle. */
export function currentSlide(state: PlayerState): Slide | null {
  return state.slot.kind === 'slide' ? (state.playlist.slides[state.slot.index] ?? null) : null;
}

/** Time the current slide has been counted on screen so far. */
export function shownMs(slot: SlideSlot, now: Instant): number {
  return slot.elapsedMs + (slot.runningSince === null ? 0 : Math.max(0, now - slot.runningSince));
}

/** Time left on screen for the current slide; null when idle or not yet presented. */
export function timeLeftMs(state: PlayerState, now: Instant): number | null {
  const slot = state.slot;
  if (slot.kind !== 'slide' || !slot.presented) return null;
  return Math.max(0, slot.durationMs - shownMs(slot, now));
}

/** Whether a slide is in the rotation at `now`: eligible, and not failed within the last FAILURE_RETRY_MS. */
function inRotation(state: PlayerState, slide: Slide, now: Instant): boolean {
  if (!isForScreen(slide, state.audience)) return false;
  const failedAt = state.failures[slide.id];
  if (failedAt !== undefined && now - failedAt < FAILURE_RETRY_MS) return false;
  return isEligible(state.playlist, slide, now);
}

/** The index of the next slide in the rotation after `from` (exclusive, wrapping, `from` itself last). */
export function nextEligibleIndex(state: PlayerState, from: number, now: Instant): number | null {
  const slides = state.playlist.slides;
  const n = slides.length;
  for (let step = 1; step <= n; step++) {
    const slide = slides[(((from + step) % n) + n) % n];
    if (slide && inRotation(state, slide, now)) return (((from + step) % n) + n) % n;
  }
  return null;
}

/** The index of the previous slide in the rotation before `from` (exclusive, wrapping, `from` itself last). */
function prevEligibleIndex(state: PlayerState, from: number, now: Instant): number | null {
  const slides = state.playlist.slides;
  const n = slides.length;
  for (let step = 1; step <= n; step++) {
    const slide = slides[(((from - step) % n) + n) % n];
    if (slide && inRotation(state, slide, now)) return (((from - step) % n) + n) % n;
  }
  return null;
}

/** The first slide in the rotation at or after `from` (wrapping). */
function firstEligibleFrom(state: PlayerState, from: number, now: Instant): number | null {
  return nextEligibleIndex(state, from - 1, now);
}

function slotSeq(state: PlayerState): number {
  return state.slot.seq;
}

/** Puts slide `index` on screen as a new slot (its time starts when the renderer acknowledges it). */
function putUp(state: PlayerState, index: number, now: Instant, override: boolean): PlayerState {
  const slide = state.playlist.slides[index];
  if (!slide) return goIdle(state, now);
  return {
    ...state,
    slot: {
      kind: 'slide',
      seq: slotSeq(state) + 1,
      slideId: slide.id,
      index,
      override,
      presented: false,
      shownAt: now,
      presentedAt: null,
      durationMs: plannedDurationMs(state.playlist, slide),
      elapsedMs: 0,
      runningSince: null,
    },
  };
}

function goIdle(state: PlayerState, now: Instant): PlayerState {
  if (state.slot.kind === 'idle') return state;
  return { ...state, slot: { kind: 'idle', seq: slotSeq(state) + 1, since: now } };
}

/** The impression of the slide leaving the screen, if it was ever presented. */
function endEffects(state: PlayerState, now: Instant, reason: EndReason): Effect[] {
  const slot = state.slot;
  if (slot.kind !== 'slide' || !slot.presented || slot.presentedAt === null) return [];
  const slide = state.playlist.slides[slot.index];
  return [
    {
      type: 'played',
      slideId: slot.slideId,
      slideType: slide?.type ?? 'unknown',
      presentedAt: slot.presentedAt,
      endedAt: now,
      shownMs: shownMs(slot, now),
      reason,
    },
  ];
}

/** Moves on to the next slide in the rotation (or idle), recording the impression of the one leaving. */
function advance(
  state: PlayerState,
  now: Instant,
  reason: EndReason,
): { state: PlayerState; effects: Effect[] } {
  const effects = endEffects(state, now, reason);
  const from = state.slot.kind === 'slide' ? state.slot.index : -1;
  const index = nextEligibleIndex(state, from, now);
  return { state: index === null ? goIdle(state, now) : putUp(state, index, now, false), effects };
}

/** Starts or stops the slide clock so that it runs exactly when presented, not paused and not blacked out. */
function settleClock(state: PlayerState, now: Instant): PlayerState {
  const slot = state.slot;
  if (slot.kind !== 'slide') return state;
  const shouldRun = slot.presented && !state.paused && !state.blackout;
  if (shouldRun && slot.runningSince === null) return { ...state, slot: { ...slot, runningSince: now } };
  if (!shouldRun && slot.runningSince !== null) {
    return { ...state, slot: { ...slot, elapsedMs: shownMs(slot, now), runningSince: null } };
  }
  return state;
}

/** Applies everything that is due at `now`: expiries, time-ups, window changes, late acknowledgements. */
function settle(input: PlayerState, now: Instant): { state: PlayerState; effects: Effect[] } {
  let state = settleClock(input, now);
  const effects: Effect[] = [];
  if (state.announcement?.endsAt != null && state.announcement.endsAt <= now) {
    state = { ...state, announcement: null };
  }
  // Why: a bounded loop; each round either changes nothing or puts up a new slot.
  for (let round = 0; round < 3; round++) {
    const slot = state.slot;
    if (slot.kind === 'idle') {
      const index = firstEligibleFrom(state, 0, now);
      if (index !== null) state = settleClock(putUp(state, index, now, false), now);
      break;
    }
    const slide = state.playlist.slides[slot.index];
    const frozen = state.paused || state.blackout;
    if (!slot.presented && now - slot.shownAt >= PRESENT_TIMEOUT_MS) {
      state = settleClock({ ...state, slot: { ...slot, presented: true, presentedAt: now } }, now);
      continue;
    }
    if (!slot.override && (!slide || !isEligible(state.playlist, slide, now))) {
      if (frozen && slide) {
        // Why: staff are holding this slide (paused or blacked out); it stays, as an override.
        state = { ...state, slot: { ...slot, override: true } };
        break;
      }
      const step = advance(state, now, 'window-closed');
      state = settleClock(step.state, now);
      effects.push(...step.effects);
      continue;
    }
    if (slot.runningSince !== null && shownMs(slot, now) >= slot.durationMs) {
      const step = advance(state, now, 'time-up');
      state = settleClock(step.state, now);
      effects.push(...step.effects);
      continue;
    }
    break;
  }
  return { state, effects };
}

/** When the machine next needs to be woken, or null. */
function wakeAt(state: PlayerState, now: Instant): Instant | null {
  const candidates: number[] = [];
  const slot = state.slot;
  if (slot.kind === 'slide') {
    if (!slot.presented) candidates.push(slot.shownAt + PRESENT_TIMEOUT_MS);
    if (slot.runningSince !== null) candidates.push(slot.runningSince + (slot.durationMs - slot.elapsedMs));
  }
  if (state.announcement?.endsAt != null) candidates.push(state.announcement.endsAt);
  for (const failedAt of Object.values(state.failures)) {
    if (failedAt + FAILURE_RETRY_MS > now) candidates.push(failedAt + FAILURE_RETRY_MS);
  }
  const boundary = nextWindowBoundary(state.playlist, now);
  if (boundary !== null) candidates.push(boundary);
  if (candidates.length === 0) return null;
  return Math.max(now, Math.min(...candidates));
}

function finish(state: PlayerState, now: Instant, effects: readonly Effect[]): Step {
  const settled = settle(state, now);
  return {
    state: settled.state,
    effects: [...effects, ...settled.effects, { type: 'schedule-wake', at: wakeAt(settled.state, now) }],
  };
}

/** A command that cannot apply: the state only settles to `now`, and the reason goes back to the caller. */
function reject(state: PlayerState, now: Instant, code: RejectCode, message: string): Step {
  return finish(state, now, [{ type: 'rejected', code, message }]);
}

/** Jumps to a slide chosen by staff (or cued by a wall); outside its window it plays once as an override. */
function jump(state: PlayerState, index: number, now: Instant, reason: EndReason = 'staff'): Step {
  const slide = state.playlist.slides[index];
  if (!slide) return reject(state, now, 'bad-position', 'no such slide');
  if (state.audience !== null && !isForScreen(slide, state.audience)) {
    return reject(state, now, 'not-for-screen', notForScreen(slide, state.audience));
  }
  const effects = endEffects(state, now, reason);
  const override = !isEligible(state.playlist, slide, now);
  return finish(putUp(state, index, now, override), now, effects);
}

/** Keeps the current slide across a playlist reload when it still exists and may play; else the same position. */
function reload(state: PlayerState, playlist: Playlist, now: Instant): Step {
  const next: PlayerState = { ...state, playlist, failures: {} };
  const slot = state.slot;
  if (slot.kind === 'idle') return finish(next, now, []);
  const index = playlist.slides.findIndex((s) => s.id === slot.slideId);
  const slide = playlist.slides[index];
  if (slide && isForScreen(slide, state.audience) && (slot.override || isEligible(playlist, slide, now))) {
    const oldSlide = state.playlist.slides[slot.index];
    const keepMediaLength =
      slide.type === 'video' && slide.duration === undefined && oldSlide?.type === 'video';
    const durationMs = keepMediaLength ? slot.durationMs : plannedDurationMs(playlist, slide);
    return finish({ ...next, slot: { ...slot, index, durationMs } }, now, []);
  }
  const effects = endEffects(state, now, 'reload');
  const at =
    playlist.slides.length === 0
      ? null
      : firstEligibleFrom(next, Math.min(slot.index, playlist.slides.length - 1), now);
  return finish(at === null ? goIdle(next, now) : putUp(next, at, now, false), now, effects);
}

/**
 * A new player on `playlist` at `now` for the screen `audience` (null: every slide is for it), resuming on
 * `resume.slideId` when it still exists and may play here.
 */
export function createPlayer(
  playlist: Playlist,
  now: Instant,
  resume?: ResumePoint,
  audience: Audience | null = null,
): Step {
  const base: PlayerState = {
    playlist,
    audience,
    slot: { kind: 'idle', seq: 0, since: now },
    paused: resume?.paused ?? false,
    blackout: resume?.blackout ?? false,
    announcement: null,
    announcementSeq: 0,
    failures: {},
  };
  const index = resume ? playlist.slides.findIndex((s) => s.id === resume.slideId) : -1;
  const slide = playlist.slides[index];
  if (resume && slide && isForScreen(slide, audience) && isEligible(playlist, slide, now)) {
    const up = putUp(base, index, now, false);
    const slot =
      up.slot.kind === 'slide' ? { ...up.slot, elapsedMs: Math.max(0, resume.elapsedMs ?? 0) } : up.slot;
    return finish({ ...up, slot }, now, []);
  }
  return finish(base, now, []);
}

/** The player machine: the next state and the effects for the host to carry out. Never throws on valid events. */
export function transition(state: PlayerState, event: PlayerEvent, now: Instant): Step {
  switch (event.type) {
    case 'wake':
      return finish(state, now, []);
    case 'next':
    case 'prev': {
      const from = state.slot.kind === 'slide' ? state.slot.index : event.type === 'next' ? -1 : 0;
      const find = event.type === 'next' ? nextEligibleIndex : prevEligibleIndex;
      const index = find(state, from, now);
      if (index === null) return reject(state, now, 'nothing-eligible', nothingEligible(state));
      const effects = endEffects(state, now, 'staff');
      return finish(putUp(state, index, now, false), now, effects);
    }
    case 'goto': {
      const found = resolveGoto(state, event.target);
      return 'index' in found ? jump(state, found.index, now) : reject(state, now, found.code, found.message);
    }
    case 'cue': {
      const index = state.playlist.slides.findIndex((s) => s.id === event.slideId);
      if (index < 0)
        return reject(
          state,
          now,
          'bad-position',
          `the wall cued slide "${event.slideId}", which this playlist does not have`,
        );
      return jump(state, index, now, event.reason);
    }
    case 'pause':
      return finish({ ...state, paused: true }, now, []);
    case 'resume':
      return finish({ ...state, paused: false }, now, []);
    case 'blackout':
      return finish({ ...state, blackout: event.on }, now, []);
    case 'announce': {
      const id = state.announcementSeq + 1;
      const announcement = {
        id,
        text: event.text,
        style: event.style ?? 'info',
        endsAt: event.seconds === undefined ? null : now + event.seconds * 1000,
        ...(event.title === undefined ? {} : { title: event.title }),
      } as const;
      return finish({ ...state, announcement, announcementSeq: id }, now, []);
    }
    case 'clear-announcement':
      return finish({ ...state, announcement: null }, now, []);
    case 'load':
      return reload(state, event.playlist, now);
    case 'presented': {
      const slot = state.slot;
      if (slot.kind !== 'slide' || slot.seq !== event.seq || slot.presented) return finish(state, now, []);
      const slide = state.playlist.slides[slot.index];
      const useMedia =
        slide?.type === 'video' && slide.duration === undefined && event.mediaDurationMs !== undefined;
      const durationMs =
        useMedia && event.mediaDurationMs !== undefined ? event.mediaDurationMs : slot.durationMs;
      return finish({ ...state, slot: { ...slot, presented: true, presentedAt: now, durationMs } }, now, []);
    }
    case 'slide-failed': {
      if (state.slot.kind !== 'slide' || state.slot.seq !== event.seq) return finish(state, now, []);
      const failed: PlayerState = { ...state, failures: { ...state.failures, [state.slot.slideId]: now } };
      const step = advance(failed, now, 'failed');
      return finish(step.state, now, step.effects);
    }
    case 'video-time':
      // Why: a report for the wall's health (host/wall), carried by the one renderer path; the rotation is untouched.
      return { state, effects: [] };
    default:
      return assertNever(event);
  }
}
