import { AnimatePresence, m } from 'framer-motion';
import { useState } from 'react';
import type { SlideOf, Text } from '../../core/playlist/types';
import { SlideFrame } from '../show/SlideFrame';
import { useSlideEnv } from '../show/SlideEnv';
import { useCanvas } from '../stage/Stage';
import { FitText } from '../text/FitText';
import { InlineText } from '../text/InlineText';
import { UI } from '../text/uiText';
import { useNow } from '../time/clock';
import { joinTexts } from '../text/joinTexts';
import { spanText, zonedClock } from '../time/eventTime';
import { afterToday, nowAndNext, pageRows, type RoomLine } from './nowAndNext';
import { type RowSizes, ScheduleRow } from './ScheduleRow';

/**
 * The most rooms one page shows: with more, the rooms are paged within the slide's time. Why: at four
 * rows a landscape row is ~150 design px, the least that keeps a two-language title and the speaker
 * legible from across a hall; a portrait row stacks the room over two narrow cells and needs ~350 px.
 */
export const ROWS_PER_PAGE = { landscape: 4, portrait: 4 } as const;

/** Text sizes for a page of `rows` rows: fewer rows, larger text and more lines. */
function sizesFor(rows: number, portrait: boolean): RowSizes {
  if (portrait) {
    if (rows <= 2) return { room: 52, title: 42, titleMin: 26, lines: 5, who: 24 };
    return rows === 3
      ? { room: 48, title: 38, titleMin: 24, lines: 3, who: 22 }
      : { room: 40, title: 32, titleMin: 20, lines: 3, who: 20 };
  }
  if (rows <= 2) return { room: 52, title: 44, titleMin: 26, lines: 3, who: 24 };
  if (rows === 3) return { room: 42, title: 38, titleMin: 22, lines: 2, who: 22 };
  return { room: 36, title: 34, titleMin: 20, lines: 2, who: 18 };
}

/** A row's largest height (design px), so one or two rooms make cards rather than stretched slabs. */
function rowCap(rows: number, portrait: boolean): number {
  if (portrait) return rows <= 2 ? 640 : 400;
  return rows <= 2 ? 420 : 300;
}

/**
 * The page's grid rows: `rows` tracks of at most `cap` px sharing the height; a room whose day is over
 * takes only what its name needs, so the busy rooms on the page get the rest.
 */
function trackList(rows: number, onPage: readonly (RoomLine | undefined)[], cap: number): string {
  return Array.from({ length: rows }, (_, i) => {
    const line = onPage[i];
    return line !== undefined && line.now === null && line.next === null && line.cancelled === null
      ? 'auto'
      : `minmax(0, ${cap}px)`;
  }).join(' ');
}

function Pager({ count, index }: Readonly<{ count: number; index: number }>) {
  return (
    <div className="schedule-pager" data-pager="">
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the dots are positions, nothing else identifies them
        <span key={i} className={i === index ? 'pager-dot pager-on' : 'pager-dot'} />
      ))}
      <span className="pager-count">
        {index + 1} / {count}
      </span>
    </div>
  );
}

/** The day's end (or a day without sessions), and the first session still to come on a later day. */
function NothingLeft({ slide, now }: Readonly<{ slide: SlideOf<'schedule'>; now: number }>) {
  const { view } = useSlideEnv();
  const languages = view.event.languages;
  const { hadToday, later } = afterToday(view.sessions, now, view.event.timezone, slide.rooms);
  const next =
    later === null
      ? undefined
      : joinTexts(
          [
            UI.comingUp,
            joinTexts([spanText(later.starts, later.ends), later.title, later.room], ' · ', languages),
          ],
          '',
          languages,
        );
  return (
    <div className="schedule-empty" data-later={later?.id ?? ''}>
      <FitText text={hadToday ? UI.nothingLeft : UI.nothingToday} max={72} min={40} lines={2} />
      {next === undefined ? null : (
        <FitText text={next} max={40} min={24} lines={3} className="schedule-later" />
      )}
    </div>
  );
}

/**
 * Now and next per room, from the agenda, at the current time in the event timezone; more rooms than a
 * page holds are paged evenly over the slide's time, with a page indicator.
 */
export function ScheduleSlide({ slide }: Readonly<{ slide: SlideOf<'schedule'> }>) {
  const { view, still } = useSlideEnv();
  const now = useNow(1000);
  const [since] = useState(now);
  const timeZone = view.event.timezone;
  const orientation = useCanvas().orientation;
  const portrait = orientation === 'portrait';
  const lines = nowAndNext(view.sessions, now, timeZone, slide.rooms);
  const over = lines.every((l) => l.now === null && l.next === null && l.cancelled === null);
  const pages = pageRows(lines.length, ROWS_PER_PAGE[orientation]);
  const rows = pages[0]?.length ?? 1;
  const pageMs = (view.durationMs ?? 10_000) / Math.max(1, pages.length);
  const pageIndex =
    still || pages.length <= 1 ? 0 : Math.floor(Math.max(0, now - since) / pageMs) % pages.length;
  const page = pages[pageIndex] ?? [];
  const env = {
    stacked: portrait,
    now,
    timeZone,
    languages: view.event.languages,
    sizes: sizesFor(rows, portrait),
  };
  const title: Text = slide.title ?? UI.nowNext;
  return (
    <SlideFrame eyebrow={UI.schedule} className="schedule">
      <div className="schedule-head">
        <FitText text={title} max={72} min={36} lines={1} className="schedule-title" />
        {pages.length > 1 ? <Pager count={pages.length} index={pageIndex} /> : null}
        <div className="schedule-clock">{zonedClock(now, timeZone)}</div>
      </div>
      {over ? (
        <NothingLeft slide={slide} now={now} />
      ) : (
        <div className="schedule-table" data-pages={pages.length} data-page={pageIndex}>
          {portrait ? null : (
            <div className="schedule-columns">
              <InlineText text={UI.room} className="col-label col-room" />
              <InlineText text={UI.now} className="col-label col-now" />
              <InlineText text={UI.next} className="col-label col-next" />
            </div>
          )}
          <div className="schedule-pages">
            {/* Why: one page fades out before the next fades in; their rows differ, so a cross-fade would ghost. */}
            <AnimatePresence initial={false} mode="wait">
              <m.div
                key={pageIndex}
                className={
                  portrait || rows < ROWS_PER_PAGE.landscape
                    ? 'schedule-page'
                    : 'schedule-page schedule-dense'
                }
                data-page={pageIndex}
                style={{
                  gridTemplateRows: trackList(
                    rows,
                    page.map((i) => lines[i]),
                    rowCap(rows, portrait),
                  ),
                }}
                initial={{ opacity: 0 }}
                animate={{ opacity: 1 }}
                exit={{ opacity: 0 }}
                transition={{ duration: 0.35 }}
              >
                {page.map((i) => {
                  const line = lines[i];
                  return line === undefined ? null : <ScheduleRow key={line.key} line={line} env={env} />;
                })}
              </m.div>
            </AnimatePresence>
          </div>
        </div>
      )}
    </SlideFrame>
  );
}
