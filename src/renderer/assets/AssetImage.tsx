import { type CSSProperties, type ReactNode, useEffect, useState } from 'react';
import { useSlideEnv } from '../show/SlideEnv';
import { assetUrl } from '../../core/view/assetUrl';

/** Props of `AssetImage`: the playlist ref, how it fills its box, and what to draw when it cannot load. */
export type AssetImageProps = Readonly<{
  assetRef: string;
  fallback: ReactNode;
  className?: string;
  style?: CSSProperties;
  alt?: string;
  /** Told the natural width / height once the image has loaded. */
  onAspect?: (aspect: number) => void;
}>;

/**
 * A playlist image that never blanks: a ref that failed to preload (or fails later) shows `fallback`
 * instead, and is reported once as 'image-failed'.
 */
export function AssetImage({ assetRef, fallback, className, style, alt = '', onAspect }: AssetImageProps) {
  const { view, preloaded, report } = useSlideEnv();
  const failedEarly = preloaded.failed.has(assetRef);
  const [failedLate, setFailedLate] = useState(false);
  useEffect(() => {
    if (failedEarly)
      report('image-failed', assetRef, preloaded.errors.get(assetRef) ?? `could not load ${assetRef}`);
  }, [failedEarly, assetRef, report, preloaded]);
  if (failedEarly || failedLate) return <>{fallback}</>;
  return (
    <img
      className={className}
      style={style}
      src={assetUrl(assetRef, view.assetBase)}
      alt={alt}
      decoding="sync"
      draggable={false}
      onLoad={(e) => {
        const { naturalWidth: w, naturalHeight: h } = e.currentTarget;
        if (onAspect !== undefined && w > 0 && h > 0) onAspect(w / h);
      }}
      onError={() => {
        setFailedLate(true);
        report('image-failed', assetRef, `could not load ${assetUrl(assetRef, view.assetBase)}`);
      }}
    />
  );
}
