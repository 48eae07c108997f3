import type { Instant } from '../player/playerTypes';
import type { Slide, SlideType, Text } from '../playlist/types';
import type { ShowView } from '../view/showView';
import { slideSubtitle, slideTitle } from './slideTitle';

/** A slide as staff see it in replies and on the remote. */
export type SlideCard = Readonly<{
  id: string;
  type: SlideType;
  title: Text;
  subtitle: Text | null;
  /** 1-based position in the playlist. */
  position: number;
}>;

/** The state of one screen after a command, as every transport reports it. */
export type ControlState = Readonly<{
  screen: string;
  /** The slide on screen; null while the idle screen shows. */
  slide: SlideCard | null;
  /** The slide most likely next; null when unknown. */
  next: SlideCard | null;
  /** Number of slides in the playlist. */
  count: number;
  /** Planned time on screen, ms; null when idle. */
  durationMs: number | null;
  /** Time left on screen, ms; null when idle or not yet painted. */
  timeLeftMs: number | null;
  paused: boolean;
  blackout: boolean;
  announcement: Readonly<{
    id: number;
    text: Text;
    title: Text | null;
    style: 'info' | 'urgent';
    /** Time left before it clears itself, ms; null: until staff clear it. */
    timeLeftMs: number | null;
  }> | null;
  /** Why the last edit of the playlist was rejected (the previous version keeps playing); empty when fine. */
  playlistErrors: readonly string[];
  /** The host's clock when the state was taken; clients count down from it. */
  now: Instant;
}>;

/** What the host knows about one screen, from which `toControlState` derives the reply state. */
export type ControlStatusInput = Readonly<{
  view: ShowView;
  slides: readonly Slide[];
  /** When the announcement clears itself; null: never (or no announcement). */
  announcementEndsAt: Instant | null;
  playlistErrors: readonly string[];
}>;

/** Derives the state a reply carries from the host's view of one screen; pure. */
export function toControlState(input: ControlStatusInput): ControlState {
  const { view, slides } = input;
  const card = (slide: Slide | null): SlideCard | null => {
    if (!slide) return null;
    const index = slides.findIndex((s) => s.id === slide.id);
    return {
      id: slide.id,
      type: slide.type,
      title: slideTitle(slide),
      subtitle: slideSubtitle(slide),
      position: index >= 0 ? index + 1 : (view.position?.index ?? 0),
    };
  };
  const current = card(view.slide);
  const a = view.announcement;
  return {
    screen: view.screen,
    slide: current && view.position ? { ...current, position: view.position.index } : current,
    next: card(view.upcoming),
    count: slides.length,
    durationMs: view.durationMs,
    timeLeftMs: view.timeLeftMs,
    paused: view.paused,
    blackout: view.blackout,
    announcement: a
      ? {
          id: a.id,
          text: a.text,
          title: a.title ?? null,
          style: a.style,
          timeLeftMs:
            input.announcementEndsAt === null ? null : Math.max(0, input.announcementEndsAt - view.now),
        }
      : null,
    playlistErrors: input.playlistErrors,
    now: view.now,
  };
}

/** One row of the remote's jump list. */
export type PlaylistItem = SlideCard &
  Readonly<{
    /** false: taken out of the rotation by `enabled: false` (staff can still jump to it). */
    enabled: boolean;
    /** false: its `on` names other screens, so it never plays here and staff cannot jump to it on this screen. */
    forScreen: boolean;
    /** Whether it is in the rotation right now (for this screen, enabled and inside its time windows). */
    eligible: boolean;
  }>;

/** The slide list the remote shows; `forScreen` and `eligible` say which slides play here, and which now. */
export function toPlaylistItems(
  slides: readonly Slide[],
  eligible: (slide: Slide) => boolean,
  forScreen: (slide: Slide) => boolean = () => true,
): PlaylistItem[] {
  return slides.map((slide, i) => ({
    id: slide.id,
    type: slide.type,
    title: slideTitle(slide),
    subtitle: slideSubtitle(slide),
    position: i + 1,
    enabled: slide.enabled !== false,
    forScreen: forScreen(slide),
    eligible: forScreen(slide) && eligible(slide),
  }));
}
