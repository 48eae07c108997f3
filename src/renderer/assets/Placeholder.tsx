import type { CSSProperties } from 'react';
import { FitText } from '../text/FitText';

/** Props of `Placeholder`: the letters (initials or a wordmark), the shape, and the label's size range. */
export type PlaceholderProps = Readonly<{
  label: string;
  shape: 'circle' | 'tile' | 'full';
  max: number;
  min: number;
  className?: string;
  style?: CSSProperties;
}>;

/** A designed stand-in for a missing image: the label set on the theme accent, never an empty box. */
export function Placeholder({ label, shape, max, min, className, style }: PlaceholderProps) {
  return (
    <div
      className={`placeholder placeholder-${shape}${className === undefined ? '' : ` ${className}`}`}
      style={style}
      data-placeholder=""
      role="img"
      aria-label={label}
    >
      <FitText
        text={label}
        max={max}
        min={min}
        lines={shape === 'circle' ? 1 : 2}
        className="placeholder-label"
      />
    </div>
  );
}
