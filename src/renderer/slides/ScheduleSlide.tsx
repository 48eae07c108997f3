import type { Session, SlideOf, Text } from '../../core/playlist/types';
import { SlideFrame } from '../show/SlideFrame';
import { useSlideEnv } from '../show/SlideEnv';
import { FitText } from '../text/FitText';
import { InlineText } from '../text/InlineText';
import { joinTexts } from '../text/joinTexts';
import { UI } from '../text/uiText';
import { clockOf, zonedClock } from '../time/eventTime';
import { useNow } from '../time/clock';
import { nowAndNext } from './nowAndNext';

function SessionCell({ session, kind, languages }: Readonly<{ session: Session | null; kind: 'now' | 'next'; languages: readonly string[] }>) {
  if (session === null) return <div className={`cell cell-${kind} cell-empty`}>—</div>;
  const who = session.speakers === undefined ? undefined : joinTexts(session.speakers, '、', languages);
  return (
    <div className={`cell cell-${kind}`}>
      <div className="cell-time">
        {clockOf(session.starts)}–{clockOf(session.ends)}
      </div>
      <FitText text={session.title} max={36} min={20} lines={2} className="cell-title" />
      {who === undefined ? null : <FitText text={who} max={24} min={16} lines={1} className="cell-who" secondaryRatio={0.9} />}
    </div>
  );
}

/** Now and next per room, from the agenda, at the current time in the event timezone. */
export function ScheduleSlide({ slide }: Readonly<{ slide: SlideOf<'schedule'> }>) {
  const { view } = useSlideEnv();
  const now = useNow(1000);
  const languages = view.event.languages;
  const lines = nowAndNext(view.sessions, now, view.event.timezone, slide.rooms);
  const title: Text = slide.title ?? UI.nowNext;
  return (
    <SlideFrame eyebrow={UI.nowNext} className="schedule">
      <div className="schedule-head">
        <FitText text={title} max={72} min={40} lines={1} className="schedule-title" />
        <div className="schedule-clock">{zonedClock(now, view.event.timezone)}</div>
      </div>
      {lines.length === 0 ? (
        <FitText text={UI.nothingLeft} max={72} min={40} lines={2} className="schedule-empty" />
      ) : (
        <div className="schedule-table" style={{ gridTemplateRows: `auto repeat(${lines.length}, minmax(0, 1fr))` }}>
          <div className="schedule-row schedule-columns">
            <InlineText text={UI.room} className="col-label col-room" />
            <InlineText text={UI.now} className="col-label col-now" />
            <InlineText text={UI.next} className="col-label col-next" />
          </div>
          {lines.map((line) => (
            <div key={JSON.stringify(line.room)} className="schedule-row">
              <FitText text={line.room} max={34} min={20} lines={2} className="cell-room" />
              <SessionCell session={line.now} kind="now" languages={languages} />
              <SessionCell session={line.next} kind="next" languages={languages} />
            </div>
          ))}
        </div>
      )}
    </SlideFrame>
  );
}
