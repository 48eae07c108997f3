import type { Text } from '../../core/playlist/types';
import { useCanvas } from '../stage/Stage';
import { FitText } from '../text/FitText';
import { InlineText } from '../text/InlineText';
import { UI } from '../text/uiText';

/** Props of `AnnouncementCard`: the heading, the message and the style. */
export type AnnouncementCardProps = Readonly<{
  title?: Text | undefined;
  text: Text;
  style: 'info' | 'urgent';
}>;

/** The announcement itself, drawn full-screen both as a slide and as an overlay over any slide. */
export function AnnouncementCard({ title, text, style }: AnnouncementCardProps) {
  const portrait = useCanvas().orientation === 'portrait';
  return (
    <div className={`announcement announcement-${style}`} data-announcement={style}>
      <div className="announcement-label">
        <svg className="announcement-icon" viewBox="0 0 48 48" aria-hidden="true">
          {style === 'urgent' ? (
            <path d="M24 4 46 43H2Z M22 17h4v14h-4z M22 34h4v4h-4z" fillRule="evenodd" />
          ) : (
            <path
              d="M24 3a21 21 0 1 1 0 42 21 21 0 0 1 0-42Zm-2.2 17v16h4.4V20Zm0-8v4.6h4.4V12Z"
              fillRule="evenodd"
            />
          )}
        </svg>
        <InlineText text={style === 'urgent' ? UI.urgent : UI.announcement} className="announcement-kind" />
      </div>
      {title === undefined ? null : (
        <FitText text={title} max={124} min={56} lines={2} className="announcement-title" />
      )}
      <FitText
        text={text}
        max={title === undefined ? 110 : 84}
        min={36}
        lines={portrait ? 8 : 5}
        className="announcement-text"
      />
    </div>
  );
}
