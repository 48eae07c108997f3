import { z } from 'zod';
import { FleetName } from '../channels/fleetTopics';
import { SLIDE_TYPES, type SlideTypeName } from './slideTypes';
import {
  AssetRef,
  boundedString,
  Color,
  Id,
  LanguageCode,
  LocalDate,
  LocalDateTime,
  Seconds,
  ShortString,
  Text,
  TEXT_LIMITS,
  TimeOfDay,
  Transition,
  tooLong,
  WEEKDAYS,
} from './fields';

/** A time window in the event timezone; a slide with `when` plays only inside one of its windows. */
export const Window = z
  .strictObject({
    dates: z
      .array(LocalDate)
      .min(1)
      .optional()
      .describe('Days the window applies to, YYYY-MM-DD. Omit for every day.'),
    weekdays: z
      .array(z.enum(WEEKDAYS))
      .min(1)
      .optional()
      .describe('Weekdays the window applies to ("mon" … "sun"). Omit for every weekday.'),
    from: TimeOfDay.optional().describe('Start time of day, HH:MM, inclusive. Default "00:00".'),
    to: TimeOfDay.optional().describe('End time of day, HH:MM, exclusive. Default "24:00".'),
  })
  .describe('A time window: all the given conditions must hold.');

const slideBase = {
  id: Id.describe('Unique, stable id of the slide, used by staff to jump to it (e.g. "keynote-1").'),
  duration: Seconds.optional().describe(
    'Seconds on screen, 1–3600. Default: defaults.duration (a video: its own length).',
  ),
  transition: Transition.optional().describe(
    'How the slide comes in: fade, slide, zoom or cut. Default: defaults.transition.',
  ),
  enabled: z
    .boolean()
    .optional()
    .describe('false takes the slide out of the rotation (staff can still jump to it). Default true.'),
  when: z
    .array(Window)
    .optional()
    .describe('Windows in which the slide plays. Omit to play it all the time.'),
  on: z
    .array(FleetName)
    .min(1, 'name at least one screen, group or wall (or leave "on" out to play everywhere)')
    .max(64, 'must name at most 64 screens, groups or walls')
    .optional()
    .describe(
      'Where the slide plays: screen names, fleet groups or wall names, e.g. ["hall-a", "lobby"]. Omit to play on every screen.',
    ),
  notes: boundedString(TEXT_LIMITS.notes)
    .optional()
    .describe('Notes for organisers; never shown on screen (at most 20,000 characters).'),
};

/** A speaker (technology leader). */
export const SpeakerSlide = z
  .strictObject({
    type: z.literal('speaker'),
    ...slideBase,
    name: Text.describe('Speaker name (or role, when no name is public).'),
    title: Text.optional().describe('Job title, e.g. "Chief Architect".'),
    organization: Text.optional().describe('Company or organisation.'),
    talk: Text.optional().describe('Title of the talk.'),
    photo: AssetRef.optional().describe(
      'Portrait photo; shown cropped to a circle. Missing or broken: initials.',
    ),
    session: Id.optional().describe('Id of the session in `sessions`; shows its time and room.'),
  })
  .describe('A speaker: photo, name, title, organisation and talk.');

/** An industry practice (a company's case study). */
export const PracticeSlide = z
  .strictObject({
    type: z.literal('practice'),
    ...slideBase,
    company: Text.describe('Company name; also drawn as a wordmark when there is no logo.'),
    logo: AssetRef.optional().describe('Company logo (SVG preferred).'),
    title: Text.describe('Title of the case.'),
    points: z.array(Text).min(2).max(5).describe('2–5 short key points.'),
    session: Id.optional().describe('Id of the session in `sessions`; shows its time and room.'),
  })
  .describe('An industry practice: company, logo, case title and 2–5 points.');

/** A training course. */
export const CourseSlide = z
  .strictObject({
    type: z.literal('course'),
    ...slideBase,
    title: Text.describe('Course title.'),
    level: z
      .enum(['beginner', 'intermediate', 'advanced'])
      .describe('Level badge: beginner, intermediate or advanced.'),
    instructor: Text.optional().describe('Instructor name (or role).'),
    room: Text.optional().describe('Room; taken from the session when `session` is set.'),
    starts: LocalDateTime.optional().describe('Start, YYYY-MM-DDTHH:MM in the event timezone.'),
    ends: LocalDateTime.optional().describe('End, YYYY-MM-DDTHH:MM in the event timezone.'),
    outline: z.array(Text).min(1).max(6).optional().describe('Up to 6 short outline items.'),
    session: Id.optional().describe('Id of the session in `sessions`; gives time and room.'),
  })
  .describe('A training course: title, level, instructor, time, room and outline.');

/** One sponsor on a wall. */
export const Sponsor = z.strictObject({
  name: ShortString.min(1).describe('Sponsor name; drawn as a wordmark when there is no logo.'),
  logo: AssetRef.optional().describe('Logo (SVG preferred), any aspect ratio.'),
});

/** A sponsor tier: its name and sponsors. */
export const SponsorTier = z.strictObject({
  name: Text.describe(
    'Tier name, e.g. {"zh": "钻石赞助", "en": "Diamond"}. The first tier is drawn biggest.',
  ),
  sponsors: z.array(Sponsor).min(1).describe('Sponsors of this tier, in display order.'),
});

/** A sponsor wall. */
export const SponsorsSlide = z
  .strictObject({
    type: z.literal('sponsors'),
    ...slideBase,
    title: Text.optional().describe('Heading, e.g. {"zh": "感谢赞助商", "en": "Thanks to our sponsors"}.'),
    tiers: z.array(SponsorTier).min(1).describe('Tiers from the most to the least prominent.'),
  })
  .describe('A sponsor wall by tier; pages itself when there are too many logos for one screen.');

/** An announcement. */
export const AnnouncementSlide = z
  .strictObject({
    type: z.literal('announcement'),
    ...slideBase,
    title: Text.optional().describe('Short heading.'),
    text: Text.describe('The announcement.'),
    style: z
      .enum(['info', 'urgent'])
      .optional()
      .describe('info (default) or urgent (high-contrast warning).'),
  })
  .describe('A full-screen announcement.');

const span = z
  .boolean()
  .optional()
  .describe(
    'true: on a wall, one picture across all its screens (each draws its part, bezels counted in). A screen not in a wall shows it normally.',
  );

/** A still image. */
export const ImageSlide = z
  .strictObject({
    type: z.literal('image'),
    ...slideBase,
    src: AssetRef.describe('The image.'),
    fit: z
      .enum(['cover', 'contain'])
      .optional()
      .describe('cover (default) fills the screen; contain shows it whole.'),
    caption: Text.optional().describe('Caption drawn over the bottom of the image.'),
    alt: Text.optional().describe('What the image shows, for logs and placeholders.'),
    span,
  })
  .describe('A full-screen image.');

/** A video, played muted. */
export const VideoSlide = z
  .strictObject({
    type: z.literal('video'),
    ...slideBase,
    src: AssetRef.describe('The video (MP4/H.264 or WebM).'),
    poster: AssetRef.optional().describe('Image shown while the video loads.'),
    fit: z.enum(['cover', 'contain']).optional().describe('cover (default) or contain.'),
    caption: Text.optional().describe('Caption drawn over the bottom of the video.'),
    span,
  })
  .describe('A muted video; plays its own length unless `duration` is set.');

/** Now / next from the agenda. */
export const ScheduleSlide = z
  .strictObject({
    type: z.literal('schedule'),
    ...slideBase,
    title: Text.optional().describe('Heading. Default "Now & next".'),
    rooms: z
      .array(ShortString.min(1))
      .min(1)
      .optional()
      .describe('Only these rooms (as written in sessions[].room, any language).'),
  })
  .describe('Now and next per room, from `sessions`, at the current time in the event timezone.');

/** A live countdown. */
export const CountdownSlide = z
  .strictObject({
    type: z.literal('countdown'),
    ...slideBase,
    title: Text.optional().describe('Heading; default the session title.'),
    to: LocalDateTime.optional().describe('Target time, YYYY-MM-DDTHH:MM in the event timezone.'),
    session: Id.optional().describe('Count down to the start of this session instead of `to`.'),
    after: Text.optional().describe('Shown once the time is reached. Default "Starting now".'),
  })
  .describe('A live countdown to a time or to a session; give exactly one of `to` and `session`.');

/** A call to action with a QR code. */
export const QrSlide = z
  .strictObject({
    type: z.literal('qr'),
    ...slideBase,
    title: Text.describe('The call to action, e.g. "Scan to get the slides".'),
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .max(TEXT_LIMITS.ref, tooLong(TEXT_LIMITS.ref))
      .describe('The URL encoded in the QR code.'),
    text: Text.optional().describe('A line under the title.'),
    label: ShortString.optional().describe(
      'Short URL shown under the code. Default: the URL without its scheme.',
    ),
  })
  .describe('A call to action with a URL shown as a QR code.');

/** The slide types, in the order the docs list them. */
export const SLIDE_SCHEMAS = [
  SpeakerSlide,
  PracticeSlide,
  CourseSlide,
  SponsorsSlide,
  AnnouncementSlide,
  ImageSlide,
  VideoSlide,
  ScheduleSlide,
  CountdownSlide,
  QrSlide,
] as const;

/** Any slide, discriminated on `type`. */
export const Slide = z.discriminatedUnion('type', SLIDE_SCHEMAS);

/** The names of the slide types (its own module, so clients that need only them do not bundle this schema). */
export { SLIDE_TYPES };

type SchemaTypeName = (typeof SLIDE_SCHEMAS)[number]['shape']['type']['value'];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Why: SLIDE_TYPES is written out in slideTypes.ts; this type is `never` when it and SLIDE_SCHEMAS name other types (tests check the order). */
export type SlideTypesMatchSchemas = Same<SchemaTypeName, SlideTypeName> extends true ? true : never;
export const SLIDE_TYPES_MATCH: SlideTypesMatchSchemas = true;

/** One session of the agenda. */
export const Session = z.strictObject({
  id: Id.describe('Unique id, referenced by slides (e.g. "keynote-1").'),
  title: Text.describe('Session title.'),
  speakers: z.array(Text).optional().describe('Speaker names (or roles).'),
  room: Text.describe('Room or hall.'),
  starts: LocalDateTime.describe('Start, YYYY-MM-DDTHH:MM in the event timezone.'),
  ends: LocalDateTime.describe('End, YYYY-MM-DDTHH:MM in the event timezone.'),
  track: Text.optional().describe('Track or theme, e.g. "Security"; shown beside the speakers.'),
  language: LanguageCode.optional().describe('Language the session is held in, e.g. "en".'),
  cancelled: z
    .boolean()
    .optional()
    .describe('true: the session will not take place; it is marked, never shown as on now or next.'),
});

/** The schedule formats a feed may be given in (see core/agenda). */
export const FEED_FORMAT_NAMES = ['frab-xml', 'frab-json', 'ical'] as const;

/** A live agenda: the conference's own schedule export, fetched and followed during the event. */
export const SessionsFrom = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/, error: 'must be an https:// URL of the schedule export' })
      .optional()
      .describe('URL of the schedule export (frab XML, frab/pretalx JSON or iCalendar), https://.'),
    file: z
      .string()
      .min(1)
      .optional()
      .describe('Or a schedule file, relative to the playlist (e.g. "schedule.xml").'),
    format: z
      .enum(FEED_FORMAT_NAMES)
      .optional()
      .describe('frab-xml, frab-json or ical. Default: detected from the content.'),
    refreshSeconds: z
      .number()
      .int()
      .min(2, 'must be at least 2 seconds')
      .max(86_400, 'must be at most 86400 seconds (a day)')
      .optional()
      .describe('Seconds between fetches. Default 300.'),
    rooms: z
      .record(z.string().min(1), Text)
      .optional()
      .describe('Feed room name → room on screen, e.g. {"Saal 1": {"zh": "主会场", "en": "Main hall"}}.'),
  })
  .refine((s) => (s.url === undefined) !== (s.file === undefined), {
    message: 'give exactly one of "url" and "file"',
  })
  .describe('Follow the conference schedule export; its sessions replace `sessions` on screen.');

/** The page background: a colour, a gradient or an image. */
export const Background = z.union([
  Color,
  z.strictObject({
    gradient: z.array(Color).min(2).describe('Two or more colours.'),
    angle: z.number().min(0).max(360).optional().describe('Angle in degrees; default 135.'),
  }),
  z.strictObject({
    image: AssetRef.describe('Background image.'),
    color: Color.optional().describe('Colour behind the image and for letterboxing.'),
  }),
]);

/** The look of every slide. */
export const Theme = z.strictObject({
  background: Background.optional().describe(
    'A colour, {"gradient": [...], "angle": 135} or {"image": "bg.svg"}.',
  ),
  accent: Color.optional().describe('Accent colour for highlights and badges.'),
  text: Color.optional().describe('Main text colour.'),
  mutedText: Color.optional().describe('Secondary text colour (second language, details).'),
  logo: AssetRef.optional().describe('Event logo, shown on the idle screen and in a corner of slides.'),
  fonts: z
    .strictObject({
      heading: ShortString.min(1).optional().describe('CSS font family list for headings.'),
      body: ShortString.min(1).optional().describe('CSS font family list for body text.'),
    })
    .optional(),
});

/** The event the playlist is for. */
export const Event = z.strictObject({
  name: Text.describe('Event name.'),
  tagline: Text.optional().describe('A short line under the name on the idle screen.'),
  timezone: ShortString.min(1).describe(
    'IANA timezone of the venue, e.g. "Asia/Shanghai". All times are in it.',
  ),
  languages: z
    .array(LanguageCode)
    .min(1)
    .describe('Languages to show, in order, e.g. ["zh", "en"]: the first large, the others beneath.'),
  languageMode: z
    .enum(['stack', 'alternate'])
    .optional()
    .describe(
      'stack (default): all languages at once; alternate: one language a time, switching every few seconds.',
    ),
});

/** Defaults for every slide. */
export const Defaults = z.strictObject({
  duration: Seconds.optional().describe('Seconds each slide stays on screen. Default 10.'),
  transition: Transition.optional().describe('Default transition. Default "fade".'),
});

/** A playlist file, version 1. */
export const Playlist = z.strictObject({
  $schema: boundedString(TEXT_LIMITS.ref)
    .optional()
    .describe('Path or URL of playlist.schema.json, for editor autocompletion.'),
  version: z
    .literal(1, { error: 'must be 1, the only playlist version so far' })
    .describe('Playlist format version: 1.'),
  event: Event,
  theme: Theme.optional(),
  defaults: Defaults.optional(),
  sessions: z
    .array(Session)
    .optional()
    .describe('The agenda, used by schedule, countdown, speaker and course slides.'),
  sessionsFrom: SessionsFrom.optional().describe(
    'A live agenda from the conference schedule export; shown instead of `sessions` once fetched.',
  ),
  slides: z.array(Slide).describe('The slides, in playing order.'),
});
