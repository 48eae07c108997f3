import { type CSSProperties, useLayoutEffect, useRef } from 'react';
import type { Text } from '../../core/playlist/types';
import { separatorsKept, wordingsOf } from './languages';
import { useShownLanguages } from './useShownLanguages';
import { fitFontSize } from './fitFontSize';
import { Phrased } from './Phrased';
import type { FitGroup } from './fitGroup';

/** Props of `FitText`: the text, its size range in design px, and the most lines each language may take. */
export type FitTextProps = Readonly<{
  text: Text;
  max: number;
  min: number;
  lines?: number;
  lineHeight?: number;
  /** Size of the second and later languages relative to the first. */
  secondaryRatio?: number;
  className?: string;
  style?: CSSProperties;
  /** Extra class for the first language's line (e.g. a heavier weight). */
  primaryClassName?: string;
  /** Siblings that show one size, the smallest any of them needs (see `createFitGroup`). */
  group?: FitGroup;
}>;

/**
 * Text that always fits its box: the largest size in [min, max] that fits (shrink, then wrap within
 * `lines`), an ellipsis as the last resort; measured on the real DOM whenever the text or box changes.
 * Languages follow the event order: the first large, the others beneath, smaller and muted.
 */
export function FitText({
  text,
  max,
  min,
  lines = 2,
  lineHeight = 1.18,
  secondaryRatio = 0.56,
  className,
  style,
  primaryClassName,
  group,
}: FitTextProps) {
  const wordings = wordingsOf(text, useShownLanguages());
  const box = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const key = wordings.map((w) => `${w.lang}:${w.text}`).join('\n');

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the text: a new text must be fitted again
  useLayoutEffect(() => {
    const b = box.current;
    const i = inner.current;
    if (b === null || i === null) return;
    const lines_ = Array.from(i.children).filter((c): c is HTMLElement => c instanceof HTMLElement);
    const target = { box: b, inner: i, primary: lines_[0] ?? null, secondaries: lines_.slice(1) };
    const limits = { max, min, lines, lineHeight, secondaryRatio, secondaryLineHeight: 1.25 };
    let lastW = -1;
    let lastH = -1;
    const member = group?.join((size) => {
      i.style.fontSize = `${size}px`;
      b.dataset.fitSize = String(size);
    });
    const refit = (): void => {
      lastW = b.clientWidth;
      lastH = b.clientHeight;
      const r = fitFontSize(target, limits);
      b.dataset.fitSize = String(r.size);
      b.dataset.fitClamp = r.clamp === null ? '' : String(r.clamp);
      member?.report(r.size);
    };
    refit();
    const observer = new ResizeObserver(() => {
      if (b.clientWidth !== lastW || b.clientHeight !== lastH) refit();
    });
    observer.observe(b);
    let alive = true;
    if (document.fonts.status !== 'loaded') {
      void document.fonts.ready.then(() => {
        if (alive) refit();
      });
    }
    return () => {
      alive = false;
      observer.disconnect();
      member?.leave();
    };
  }, [key, max, min, lines, lineHeight, secondaryRatio, group]);

  return (
    <div ref={box} className={className === undefined ? 'fit' : `fit ${className}`} style={style} data-fit="">
      <div ref={inner} className="fit-inner" style={{ lineHeight }}>
        {wordings.map((w, i) => (
          <div
            key={w.lang}
            lang={w.lang}
            className={i === 0 ? `fit-primary ${primaryClassName ?? ''}` : 'fit-secondary'}
            style={i === 0 ? undefined : { fontSize: `${secondaryRatio}em` }}
          >
            <Phrased text={separatorsKept(w.text)} lang={w.lang} />
          </div>
        ))}
      </div>
    </div>
  );
}
