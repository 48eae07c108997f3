import { useMemo } from 'react';
import type { SlideOf, Text } from '../../core/playlist/types';
import { SlideFrame } from '../show/SlideFrame';
import { useSlideEnv } from '../show/SlideEnv';
import { FitText } from '../text/FitText';
import { createFitGroup, type FitGroup } from '../text/fitGroup';
import { InlineText } from '../text/InlineText';
import { UI } from '../text/uiText';
import { sessionById, spanText } from '../time/eventTime';

function Meta({ label, value, group }: Readonly<{ label: Text; value: Text | undefined; group: FitGroup }>) {
  if (value === undefined) return null;
  return (
    <div className="meta">
      <FitText text={label} max={24} min={18} lines={1} className="meta-label" secondaryRatio={0.85} />
      <FitText text={value} max={42} min={26} lines={2} className="meta-value" group={group} />
    </div>
  );
}

/** A training course: level badge, title, time, room, instructor and outline. */
export function CourseSlide({ slide }: Readonly<{ slide: SlideOf<'course'> }>) {
  const { view } = useSlideEnv();
  const session = sessionById(view.sessions, slide.session);
  const starts = session?.starts ?? slide.starts;
  const ends = session?.ends ?? slide.ends;
  const room = session?.room ?? slide.room;
  const level = UI[slide.level];
  const badge = (
    <span className={`level level-${slide.level}`} data-level={slide.level}>
      <span className="level-dots" aria-hidden="true">
        {['beginner', 'intermediate', 'advanced'].map((l, i) => (
          <i
            key={l}
            className={i <= ['beginner', 'intermediate', 'advanced'].indexOf(slide.level) ? 'on' : ''}
          />
        ))}
      </span>
      <InlineText text={level} className="level-words" />
    </span>
  );
  const outline = slide.outline ?? [];
  // biome-ignore lint/correctness/useExhaustiveDependencies: one group per slide: a new slide starts afresh
  const items = useMemo(createFitGroup, [slide]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: one group per slide: a new slide starts afresh
  const metas = useMemo(createFitGroup, [slide]);
  return (
    <SlideFrame eyebrow={UI.course} className="course" badge={badge}>
      <div className="course-main">
        <FitText text={slide.title} max={92} min={44} lines={3} className="course-title" />
        <div className="course-meta">
          <Meta
            label={UI.time}
            value={starts === undefined ? undefined : spanText(starts, ends)}
            group={metas}
          />
          <Meta label={UI.room} value={room} group={metas} />
          <Meta label={UI.instructor} value={slide.instructor} group={metas} />
        </div>
      </div>
      {outline.length === 0 ? null : (
        <div className="course-outline">
          <FitText
            text={UI.outline}
            max={28}
            min={20}
            lines={1}
            className="outline-label"
            secondaryRatio={0.8}
          />
          <ol className={outline.length > 4 ? 'outline outline-many' : 'outline'}>
            {outline.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: outline items have no identity but their position
              <li key={i}>
                <span className="outline-number">{String(i + 1).padStart(2, '0')}</span>
                <FitText text={item} max={44} min={24} lines={2} className="outline-text" group={items} />
              </li>
            ))}
          </ol>
        </div>
      )}
    </SlideFrame>
  );
}
