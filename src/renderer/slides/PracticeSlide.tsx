import { useMemo } from 'react';
import type { SlideOf } from '../../core/playlist/types';
import { AssetImage } from '../assets/AssetImage';
import { Placeholder } from '../assets/Placeholder';
import { SlideFrame } from '../show/SlideFrame';
import { useCanvas } from '../stage/Stage';
import { useSlideEnv } from '../show/SlideEnv';
import { FitText } from '../text/FitText';
import { createFitGroup } from '../text/fitGroup';
import { joinTexts } from '../text/joinTexts';
import { wordingsOf } from '../text/languages';
import { UI } from '../text/uiText';
import { sessionById, spanText } from '../time/eventTime';

/** An industry practice: company logo (or wordmark), the case title and 2–5 numbered points. */
export function PracticeSlide({ slide }: Readonly<{ slide: SlideOf<'practice'> }>) {
  const { view } = useSlideEnv();
  const languages = view.event.languages;
  const session = sessionById(view.sessions, slide.session);
  const when =
    session === undefined
      ? undefined
      : joinTexts([spanText(session.starts, session.ends), session.room], ' · ', languages);
  const wordmark = (
    <Placeholder
      label={wordingsOf(slide.company, languages)[0]?.text ?? ''}
      shape="tile"
      max={44}
      min={22}
      className="practice-wordmark"
    />
  );
  const canvas = useCanvas();
  const many = slide.points.length > 3 && canvas.orientation === 'landscape';
  const portrait = canvas.orientation === 'portrait';
  // biome-ignore lint/correctness/useExhaustiveDependencies: one group per slide: a new slide starts afresh
  const points = useMemo(createFitGroup, [slide]);
  return (
    <SlideFrame eyebrow={UI.practice} className="practice">
      <div className="practice-company">
        {slide.logo === undefined ? (
          wordmark
        ) : (
          <AssetImage assetRef={slide.logo} className="practice-logo" fallback={wordmark} />
        )}
        <FitText text={slide.company} max={40} min={26} lines={1} className="practice-company-name" />
      </div>
      <FitText text={slide.title} max={88} min={44} lines={portrait ? 3 : 2} className="practice-title" />
      <ol className={many ? 'points points-many' : 'points'}>
        {slide.points.map((point, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: points have no identity but their position
          <li key={i} className="point">
            <span className="point-number">{i + 1}</span>
            <FitText
              text={point}
              max={many ? 42 : 50}
              min={26}
              lines={2}
              className="point-text"
              group={points}
            />
          </li>
        ))}
      </ol>
      {when === undefined ? null : <FitText text={when} max={34} min={24} lines={1} className="chip" />}
    </SlideFrame>
  );
}
