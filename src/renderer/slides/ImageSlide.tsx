import { useState } from 'react';
import type { SlideOf } from '../../core/playlist/types';
import { AssetImage } from '../assets/AssetImage';
import { Placeholder } from '../assets/Placeholder';
import { useSlideEnv } from '../show/SlideEnv';
import { FitText } from '../text/FitText';
import { wordingsOf } from '../text/languages';
import { drawsSpanCaption, spanStyle, useSpanBox } from './spanBox';

/**
 * A full-screen image (cover or contain) with an optional caption over its foot; with `span` on a wall, this
 * screen's part of one picture across the whole wall (the caption on the bottom row's leftmost screen).
 */
export function ImageSlide({ slide }: Readonly<{ slide: SlideOf<'image'> }>) {
  const { view, preloaded } = useSlideEnv();
  const [loadedAspect, setLoadedAspect] = useState<number | undefined>(undefined);
  const label =
    wordingsOf(slide.alt ?? slide.caption ?? view.event.name, view.event.languages)[0]?.text ?? '';
  const fit = slide.fit ?? 'cover';
  const box = useSpanBox(view, slide.span, preloaded.aspect.get(slide.src) ?? loadedAspect, fit);
  return (
    <div
      className={`slide media-slide media-${fit}${box === null ? '' : ' media-span'}`}
      data-span={box === null ? undefined : ''}
    >
      <AssetImage
        assetRef={slide.src}
        className="media"
        alt={label}
        {...(box === null ? {} : { style: spanStyle(box) })}
        onAspect={setLoadedAspect}
        fallback={<Placeholder label={label} shape="full" max={96} min={40} className="media" />}
      />
      {slide.caption === undefined || !drawsSpanCaption(view, box !== null) ? null : (
        <div className="caption">
          <FitText text={slide.caption} max={48} min={28} lines={2} className="caption-text" />
        </div>
      )}
    </div>
  );
}
