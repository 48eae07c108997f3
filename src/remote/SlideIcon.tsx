import type { SlideType } from '../core/playlist/types';

const PATHS: Readonly<Record<SlideType, string>> = {
  speaker: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0',
  practice: 'M4 20V8l6-4v16M10 20V10l10 3v7M4 20h16M7 10v.01M7 14v.01M14 15v.01M17 16v.01',
  course: 'M3 9l9-5 9 5-9 5-9-5Zm4 2.5V16c0 1.5 2.5 3 5 3s5-1.5 5-3v-4.5',
  sponsors: 'M12 3l2.6 5.6 6 .7-4.5 4.1 1.2 6L12 16.5 6.7 19.4l1.2-6L3.4 9.3l6-.7Z',
  announcement: 'M4 10v4h3l6 4V6L7 10H4Zm12-1.5a4 4 0 0 1 0 7M18.5 6a7.5 7.5 0 0 1 0 12',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15.5 9.5v.01',
  video: 'M4 6h16v12H4zM10 9.5v5l4.5-2.5Z',
  schedule: 'M12 7v5l3 2M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z',
  countdown: 'M10 3h4M12 8v5l2.5 1.5M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16Z',
  qr: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2zM14 18h2v2h-2zM18 14h2v2h-2z',
};

/** A line icon for a slide type. */
export function SlideIcon({ type, size = 22 }: Readonly<{ type: SlideType; size?: number }>) {
  return (
    <svg className="slide-icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <path
        d={PATHS[type]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** Icons of the remote's own buttons and tabs. */
export const UI_ICONS = {
  prev: 'M15 5l-7 7 7 7',
  next: 'M9 5l7 7-7 7',
  pause: 'M8 5v14M16 5v14',
  play: 'M7 4.5v15l12-7.5Z',
  blackout: 'M12 3a9 9 0 1 0 9 9 7 7 0 0 1-9-9Z',
  control:
    'M8 2.5h8a2 2 0 0 1 2 2v15a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2v-15a2 2 0 0 1 2-2ZM12 6.5v.01M12 10.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Z',
  slides: 'M4 6h16M4 12h16M4 18h10',
  announce: PATHS.announcement,
  close: 'M6 6l12 12M18 6L6 18',
  health: 'M3 12h4l2.5-6 5 12 2.5-6h4',
} as const;

/** A line icon of the remote's interface. */
export function UiIcon({ name, size = 24 }: Readonly<{ name: keyof typeof UI_ICONS; size?: number }>) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <path
        d={UI_ICONS[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
