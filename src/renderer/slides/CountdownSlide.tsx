import type { SlideOf, Text } from '../../core/playlist/types';
import { localDateTimeToInstant } from '../../core/time/zonedTime';
import { SlideFrame } from '../show/SlideFrame';
import { useCanvas } from '../stage/Stage';
import { useSlideEnv } from '../show/SlideEnv';
import { FitText } from '../text/FitText';
import { InlineText } from '../text/InlineText';
import { joinTexts } from '../text/joinTexts';
import { UI } from '../text/uiText';
import { sessionById, spanText } from '../time/eventTime';
import { useNow } from '../time/clock';

/** Whole days, hours, minutes and seconds in `ms` (never negative). */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number; seconds: number } {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

function Unit({ value, label }: Readonly<{ value: number; label: Text }>) {
  return (
    <div className="cd-unit">
      <div className="cd-value">{String(value).padStart(2, '0')}</div>
      <InlineText text={label} className="cd-label" />
    </div>
  );
}

/** A live countdown to a time or a session's start; then the `after` text (default "Starting now"). */
export function CountdownSlide({ slide }: Readonly<{ slide: SlideOf<'countdown'> }>) {
  const { view } = useSlideEnv();
  const now = useNow(1000);
  const portrait = useCanvas().orientation === 'portrait';
  const session = sessionById(view.sessions, slide.session);
  const local = session?.starts ?? slide.to;
  const target = local === undefined ? null : localDateTimeToInstant(local, view.event.timezone);
  const title = slide.title ?? session?.title ?? UI.countdown;
  const left = target === null ? 0 : target - now;
  const parts = splitDuration(left);
  const when =
    local === undefined
      ? undefined
      : joinTexts([spanText(local, undefined), session?.room], ' · ', view.event.languages);
  return (
    <SlideFrame eyebrow={UI.countdown} className="countdown">
      <FitText text={title} max={88} min={44} lines={portrait ? 4 : 2} className="cd-title" />
      {left > 0 ? (
        <div className="cd-clock" data-countdown-ms={left}>
          {parts.days > 0 ? <Unit value={parts.days} label={UI.days} /> : null}
          <Unit value={parts.hours} label={UI.hours} />
          <Unit value={parts.minutes} label={UI.minutes} />
          <Unit value={parts.seconds} label={UI.seconds} />
        </div>
      ) : (
        <FitText text={slide.after ?? UI.startingNow} max={150} min={60} lines={2} className="cd-after" />
      )}
      {when === undefined ? null : <FitText text={when} max={36} min={24} lines={1} className="chip" />}
    </SlideFrame>
  );
}
