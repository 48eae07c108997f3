import type { z } from 'zod';
import type * as S from './schema';

/** Text a person reads: a string, or one string per language. */
export type Text = z.infer<typeof import('./fields').Text>;
/** A playlist as written in the file, after validation. */
export type Playlist = Readonly<z.infer<typeof S.Playlist>>;
/** Any slide. */
export type Slide = Readonly<z.infer<typeof S.Slide>>;
/** The slide type names. */
export type SlideType = Slide['type'];
/** The slide of one type. */
export type SlideOf<T extends SlideType> = Extract<Slide, { type: T }>;
/** One agenda session. */
export type Session = Readonly<z.infer<typeof S.Session>>;
/** A live agenda source (`sessionsFrom`). */
export type SessionsFrom = Readonly<z.infer<typeof S.SessionsFrom>>;
/** A time window. */
export type Window = Readonly<z.infer<typeof S.Window>>;
/** The theme. */
export type Theme = Readonly<z.infer<typeof S.Theme>>;
/** The event. */
export type EventInfo = Readonly<z.infer<typeof S.Event>>;
/** A transition name. */
export type TransitionName = NonNullable<Slide['transition']>;
