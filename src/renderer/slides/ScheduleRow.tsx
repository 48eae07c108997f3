import type { Session, Text } from '../../core/playlist/types';
import { instantToLocalDateTime, localDateTimeToInstant } from '../../core/time/zonedTime';
import { FitText } from '../text/FitText';
import { InlineText } from '../text/InlineText';
import { joinTexts } from '../text/joinTexts';
import { UI } from '../text/uiText';
import { clockOf } from '../time/eventTime';
import type { RoomLine } from './nowAndNext';

/** Words of the schedule rows that no other slide prints. */
const WORDS = {
  nothingNow: { zh: '暂无进行中的议程', en: 'Nothing on right now' },
  nothingNext: { zh: '今日无后续议程', en: 'Nothing more today' },
  roomDone: { zh: '本会场今日议程已结束', en: 'No more sessions in this room today' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
} as const satisfies Record<string, Text>;

/** How far ahead a next session also says "in N min". */
const SOON_MS = 60 * 60_000;

/** Sizes (design px) of one row's texts and the most lines of a title: more when a page has fewer rows. */
export type RowSizes = Readonly<{
  room: number;
  title: number;
  titleMin: number;
  lines: number;
  who: number;
}>;

/** What a row needs besides its line: the time, the event timezone and languages, the text sizes, and
 * whether the room name sits above the cells (portrait: one line, so the cells keep their height). */
export type RowEnv = Readonly<{
  stacked: boolean;
  now: number;
  timeZone: string;
  languages: readonly string[];
  sizes: RowSizes;
}>;

/** `now` as a local date-time in the event timezone, to compare with `starts`. */
function nowLocal(env: RowEnv): string {
  return instantToLocalDateTime(env.now, env.timeZone);
}

function minutesUntil(session: Session, env: RowEnv): number {
  return Math.ceil((localDateTimeToInstant(session.starts, env.timeZone) - env.now) / 60_000);
}

function progressOf(session: Session, env: RowEnv): number {
  const start = localDateTimeToInstant(session.starts, env.timeZone);
  const end = localDateTimeToInstant(session.ends, env.timeZone);
  return end > start ? Math.min(1, Math.max(0, (env.now - start) / (end - start))) : 1;
}

function SessionText({ session, env }: Readonly<{ session: Session; env: RowEnv }>) {
  const who = session.speakers === undefined ? undefined : joinTexts(session.speakers, '、', env.languages);
  return (
    <>
      <FitText
        text={session.title}
        max={env.sizes.title}
        min={env.sizes.titleMin}
        lines={env.sizes.lines}
        className="cell-title"
        secondaryRatio={0.66}
      />
      {session.track === undefined ? null : <InlineText text={session.track} className="cell-track" />}
      {who === undefined ? null : (
        <FitText
          text={who}
          max={env.sizes.who}
          min={15}
          lines={1}
          className="cell-who"
          secondaryRatio={0.86}
        />
      )}
    </>
  );
}

/** A cancelled session: struck through, under a "已取消 / Cancelled" badge, with its time. */
function CancelledLine({ session, env, lines }: Readonly<{ session: Session; env: RowEnv; lines: number }>) {
  return (
    <div className="cell-cancelled" data-cancelled={session.id}>
      <div className="cell-time">
        <InlineText text={WORDS.cancelled} className="cancelled-badge" />
        <span className="cancelled-time">
          {clockOf(session.starts)}–{clockOf(session.ends)}
        </span>
      </div>
      <FitText
        text={session.title}
        max={env.sizes.title - 4}
        min={env.sizes.titleMin}
        lines={lines}
        className="cell-title cancelled-title"
        secondaryRatio={0.66}
      />
    </div>
  );
}

function Note({ text, env }: Readonly<{ text: Text; env: RowEnv }>) {
  return <FitText text={text} max={env.sizes.who + 4} min={15} lines={2} className="cell-note" />;
}

function NowCell({
  session,
  cancelled,
  env,
}: Readonly<{ session: Session | null; cancelled: Session | null; env: RowEnv }>) {
  const off = session === null && cancelled !== null && cancelled.starts <= nowLocal(env) ? cancelled : null;
  return (
    <div className={session === null ? 'cell cell-now cell-idle' : 'cell cell-now'}>
      <InlineText text={UI.now} className="cell-label" />
      {off !== null ? (
        <CancelledLine session={off} env={env} lines={env.sizes.lines} />
      ) : session === null ? (
        <Note text={WORDS.nothingNow} env={env} />
      ) : (
        <>
          <div className="cell-time">
            <span>
              {clockOf(session.starts)}–{clockOf(session.ends)}
            </span>
            <span className="cell-progress">
              <span
                className="cell-progress-fill"
                style={{ transform: `scaleX(${progressOf(session, env)})` }}
              />
            </span>
          </div>
          <SessionText session={session} env={env} />
        </>
      )}
    </div>
  );
}

function NextCell({
  session,
  cancelled,
  env,
}: Readonly<{ session: Session | null; cancelled: Session | null; env: RowEnv }>) {
  const minutes = session === null ? Number.POSITIVE_INFINITY : minutesUntil(session, env);
  const off = cancelled !== null && cancelled.starts > nowLocal(env) ? cancelled : null;
  return (
    <div className={session === null && off === null ? 'cell cell-next cell-idle' : 'cell cell-next'}>
      <InlineText text={UI.next} className="cell-label" />
      {off === null ? null : <CancelledLine session={off} env={env} lines={1} />}
      {session === null ? (
        off !== null ? null : (
          <Note text={WORDS.nothingNext} env={env} />
        )
      ) : (
        <>
          <div className="cell-time">
            <span>
              {clockOf(session.starts)}–{clockOf(session.ends)}
            </span>
            {minutes * 60_000 > SOON_MS ? null : (
              <InlineText text={{ zh: `${minutes} 分钟后`, en: `in ${minutes} min` }} className="cell-soon" />
            )}
          </div>
          <SessionText session={session} env={env} />
        </>
      )}
    </div>
  );
}

/** One room on the schedule: its name, then what is on now and next, or that its day is over. */
export function ScheduleRow({ line, env }: Readonly<{ line: RoomLine; env: RowEnv }>) {
  const done = line.now === null && line.next === null && line.cancelled === null;
  return (
    <div
      className={done ? 'schedule-row row-done' : 'schedule-row'}
      data-room={line.key}
      data-now={line.now?.id ?? ''}
      data-next={line.next?.id ?? ''}
      data-cancelled={line.cancelled?.id ?? ''}
    >
      <FitText
        text={line.room}
        max={env.sizes.room}
        min={env.sizes.titleMin}
        lines={env.stacked ? 1 : 2}
        className="cell-room"
        secondaryRatio={0.62}
      />
      {done ? (
        <div className="cell cell-done">
          <Note text={WORDS.roomDone} env={env} />
        </div>
      ) : (
        <>
          <NowCell session={line.now} cancelled={line.cancelled} env={env} />
          <NextCell session={line.next} cancelled={line.cancelled} env={env} />
        </>
      )}
    </div>
  );
}
