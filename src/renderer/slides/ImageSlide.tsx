import type { SlideOf } from '../../core/playlist/types';
import { AssetImage } from '../assets/AssetImage';
import { Placeholder } from '../assets/Placeholder';
import { useSlideEnv } from '../show/SlideEnv';
import { FitText } from '../text/FitText';
import { wordingsOf } from '../text/languages';

/** A full-screen image (cover or contain) with an optional caption over its foot. */
export function ImageSlide({ slide }: Readonly<{ slide: SlideOf<'image'> }>) {
  const { view } = useSlideEnv();
  const label =
    wordingsOf(slide.alt ?? slide.caption ?? view.event.name, view.event.languages)[0]?.text ?? '';
  const fit = slide.fit ?? 'cover';
  return (
    <div className={`slide media-slide media-${fit}`}>
      <AssetImage
        assetRef={slide.src}
        className="media"
        alt={label}
        fallback={<Placeholder label={label} shape="full" max={96} min={40} className="media" />}
      />
      {slide.caption === undefined ? null : (
        <div className="caption">
          <FitText text={slide.caption} max={48} min={28} lines={2} className="caption-text" />
        </div>
      )}
    </div>
  );
}
