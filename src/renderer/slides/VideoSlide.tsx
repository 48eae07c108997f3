import { useEffect, useRef, useState } from 'react';
import type { SlideOf } from '../../core/playlist/types';
import { assetUrl } from '../../core/view/assetUrl';
import { AssetImage } from '../assets/AssetImage';
import { Placeholder } from '../assets/Placeholder';
import { useSlideEnv } from '../show/SlideEnv';
import { FitText } from '../text/FitText';
import { wordingsOf } from '../text/languages';
import { drawsSpanCaption, spanStyle, useSpanBox } from './spanBox';
import { useWallVideo } from './wallVideo';

/**
 * A muted, inline, autoplaying video. Without its own duration it reports its length so the host times
 * the slide by it; a video that cannot play shows its poster (or a placeholder) and is reported as
 * 'video-failed' so the host moves on. With `span` on a wall it draws this screen's part of one picture
 * across the wall and plays in step with the wall (`useWallVideo`), looping. Never throws.
 */
export function VideoSlide({ slide }: Readonly<{ slide: SlideOf<'video'> }>) {
  const { view, preloaded, still, report, mediaDuration, videoTime } = useSlideEnv();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(preloaded.failed.has(slide.src));
  const [loadedAspect, setLoadedAspect] = useState<number | undefined>(undefined);
  const known = preloaded.videoMs.get(slide.src);
  const fit = slide.fit ?? 'cover';
  const box = useSpanBox(view, slide.span, preloaded.aspect.get(slide.src) ?? loadedAspect, fit);
  const spanned = slide.span === true && view.wall !== undefined;
  // Why: a spanned video is started by the wall's clock, not on mounting; one put up by staff outside the wall's
  // rotation (no start) plays as usual.
  const walled = spanned && view.wall?.startedAt !== undefined;
  useEffect(() => {
    if (preloaded.failed.has(slide.src)) {
      report('video-failed', slide.src, preloaded.errors.get(slide.src) ?? `could not play ${slide.src}`);
    } else if (known !== undefined) mediaDuration(known);
  }, [preloaded, slide.src, known, report, mediaDuration]);
  useEffect(() => {
    const el = video.current;
    if (el === null || still || walled) return;
    el.play().catch(() => undefined);
  }, [still, walled]);
  useWallVideo(video, view.wall?.startedAt, walled && !still && !failed, videoTime);
  const label = wordingsOf(slide.caption ?? view.event.name, view.event.languages)[0]?.text ?? '';
  const stand = <Placeholder label={label} shape="full" max={96} min={40} className="media" />;
  const placed = box === null ? {} : { style: spanStyle(box) };
  return (
    <div
      className={`slide media-slide media-${fit}${box === null ? '' : ' media-span'}`}
      data-span={box === null ? undefined : ''}
    >
      {failed || still ? (
        slide.poster === undefined ? (
          stand
        ) : (
          <AssetImage assetRef={slide.poster} className="media" fallback={stand} {...placed} />
        )
      ) : (
        <video
          ref={video}
          className="media"
          {...placed}
          src={assetUrl(slide.src, view.assetBase)}
          poster={slide.poster === undefined ? undefined : assetUrl(slide.poster, view.assetBase)}
          muted
          autoPlay={!walled}
          playsInline
          loop={!walled && (slide.duration !== undefined || spanned)}
          preload="auto"
          onLoadedMetadata={(e) => {
            const { duration: d, videoWidth: w, videoHeight: h } = e.currentTarget;
            if (Number.isFinite(d) && d > 0) mediaDuration(d * 1000);
            if (w > 0 && h > 0) setLoadedAspect(w / h);
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
      {slide.caption === undefined || !drawsSpanCaption(view, box !== null) ? null : (
        <div className="caption">
          <FitText text={slide.caption} max={48} min={28} lines={2} className="caption-text" />
        </div>
      )}
    </div>
  );
}
