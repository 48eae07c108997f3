import { useEffect, useRef, useState } from 'react';
import type { SlideOf } from '../../core/playlist/types';
import { assetUrl } from '../assets/assetUrl';
import { AssetImage } from '../assets/AssetImage';
import { Placeholder } from '../assets/Placeholder';
import { useSlideEnv } from '../show/SlideEnv';
import { FitText } from '../text/FitText';
import { wordingsOf } from '../text/languages';

/**
 * A muted, inline, autoplaying video. Without its own duration it reports its length so the host times
 * the slide by it; a video that cannot play shows its poster (or a placeholder) and is reported as
 * 'video-failed' so the host moves on. Never throws.
 */
export function VideoSlide({ slide }: Readonly<{ slide: SlideOf<'video'> }>) {
  const { view, preloaded, still, report, mediaDuration } = useSlideEnv();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(preloaded.failed.has(slide.src));
  const known = preloaded.videoMs.get(slide.src);
  useEffect(() => {
    if (preloaded.failed.has(slide.src)) {
      report('video-failed', slide.src, preloaded.errors.get(slide.src) ?? `could not play ${slide.src}`);
    } else if (known !== undefined) mediaDuration(known);
  }, [preloaded, slide.src, known, report, mediaDuration]);
  useEffect(() => {
    const el = video.current;
    if (el === null || still) return;
    el.play().catch(() => undefined);
  }, [still]);
  const label = wordingsOf(slide.caption ?? view.event.name, view.event.languages)[0]?.text ?? '';
  const fit = slide.fit ?? 'cover';
  const stand = <Placeholder label={label} shape="full" max={96} min={40} className="media" />;
  return (
    <div className={`slide media-slide media-${fit}`}>
      {failed || still ? (
        slide.poster === undefined ? (
          stand
        ) : (
          <AssetImage assetRef={slide.poster} className="media" fallback={stand} />
        )
      ) : (
        <video
          ref={video}
          className="media"
          src={assetUrl(slide.src, view.assetBase)}
          poster={slide.poster === undefined ? undefined : assetUrl(slide.poster, view.assetBase)}
          muted
          autoPlay
          playsInline
          loop={slide.duration !== undefined}
          preload="auto"
          onLoadedMetadata={(e) => {
            const d = e.currentTarget.duration;
            if (Number.isFinite(d) && d > 0) mediaDuration(d * 1000);
          }}
          onError={(e) => {
            setFailed(true);
            const err = e.currentTarget.error;
            report(
              'video-failed',
              slide.src,
              `could not play ${slide.src}: ${err?.message || `media error ${err?.code ?? '?'}`}`,
            );
          }}
        />
      )}
      {slide.caption === undefined ? null : (
        <div className="caption">
          <FitText text={slide.caption} max={48} min={28} lines={2} className="caption-text" />
        </div>
      )}
    </div>
  );
}
