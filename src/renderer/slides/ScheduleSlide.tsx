import type { Session, SlideOf, Text } from '../../core/playlist/types';
import { SlideFrame } from '../show/SlideFrame';
import { useCanvas } from '../stage/Stage';
import { useSlideEnv } from '../show/SlideEnv';
import { FitText } from '../text/FitText';
import { InlineText } from '../text/InlineText';
import { joinTexts } from '../text/joinTexts';
import { UI } from '../text/uiText';
import { clockOf, zonedClock } from '../time/eventTime';
import { useNow } from '../time/clock';
import { nowAndNext } from './nowAndNext';

/** The most rooms one screen lists; a busier agenda should use `rooms` to split it over several slides. */
export const MAX_ROOMS = 8;
/** Above this many rooms the rows drop the speakers and the second language. */
const COMPACT_ABOVE = 3;

type CellProps = Readonly<{
  session: Session | null;
  kind: 'now' | 'next';
  languages: readonly string[];
  compact: boolean;
}>;

function SessionCell({ session, kind, languages, compact }: CellProps) {
  if (session === null) return <div className={`cell cell-${kind} cell-empty`}>—</div>;
  const who =
    session.speakers === undefined || compact ? undefined : joinTexts(session.speakers, '、', languages);
  return (
    <div className={`cell cell-${kind}`}>
      <div className="cell-time">
        {clockOf(session.starts)}–{clockOf(session.ends)}
      </div>
      <FitText
        text={session.title}
        max={compact ? 32 : 38}
        min={18}
        lines={compact ? 1 : 2}
        className="cell-title"
        secondaryRatio={0.62}
      />
      {who === undefined ? null : (
        <FitText text={who} max={24} min={16} lines={1} className="cell-who" secondaryRatio={0.9} />
      )}
    </div>
  );
}

/** Now and next per room, from the agenda, at the current time in the event timezone. */
export function ScheduleSlide({ slide }: Readonly<{ slide: SlideOf<'schedule'> }>) {
  const { view } = useSlideEnv();
  const now = useNow(1000);
  const languages = view.event.languages;
  const lines = nowAndNext(view.sessions, now, view.event.timezone, slide.rooms).slice(0, MAX_ROOMS);
  const compact = lines.length > COMPACT_ABOVE;
  const portrait = useCanvas().orientation === 'portrait';
  const title: Text = slide.title ?? UI.nowNext;
  return (
    <SlideFrame eyebrow={UI.schedule} className="schedule">
      <div className="schedule-head">
        <FitText text={title} max={72} min={40} lines={1} className="schedule-title" />
        <div className="schedule-clock">{zonedClock(now, view.event.timezone)}</div>
      </div>
      {lines.length === 0 ? (
        <FitText text={UI.nothingLeft} max={72} min={40} lines={2} className="schedule-empty" />
      ) : (
        <div
          className={compact ? 'schedule-table schedule-compact' : 'schedule-table'}
          style={{ gridTemplateRows: `${portrait ? '' : 'auto '}repeat(${lines.length}, minmax(0, 1fr))` }}
        >
          <div className="schedule-row schedule-columns">
            <InlineText text={UI.room} className="col-label col-room" />
            <InlineText text={UI.now} className="col-label col-now" />
            <InlineText text={UI.next} className="col-label col-next" />
          </div>
          {lines.map((line) => (
            <div key={JSON.stringify(line.room)} className="schedule-row">
              <FitText
                text={line.room}
                max={compact ? 30 : 34}
                min={18}
                lines={compact ? 1 : 2}
                className="cell-room"
                secondaryRatio={0.62}
              />
              <SessionCell session={line.now} kind="now" languages={languages} compact={compact} />
              <SessionCell session={line.next} kind="next" languages={languages} compact={compact} />
            </div>
          ))}
        </div>
      )}
    </SlideFrame>
  );
}
