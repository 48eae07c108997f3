import type { ReactNode } from 'react';
import type { Text } from '../../core/playlist/types';
import { AssetImage } from '../assets/AssetImage';
import { wordingsOf } from '../text/languages';
import { Phrased } from '../text/Phrased';
import { useShownLanguages } from '../text/useShownLanguages';
import { useSlideEnv } from './SlideEnv';

/** Props of `SlideFrame`: the slide's kind label, a CSS class and the content. */
export type SlideFrameProps = Readonly<{
  eyebrow?: Text;
  className: string;
  children: ReactNode;
  badge?: ReactNode;
}>;

/** A small label naming the kind of slide, with the theme's accent bar; every language on one line. */
export function Eyebrow({ text }: Readonly<{ text: Text }>) {
  const wordings = wordingsOf(text, useShownLanguages());
  return (
    <div className="eyebrow">
      <span className="eyebrow-bar" />
      {wordings.map((w, i) => (
        <span key={w.lang} lang={w.lang} className={i === 0 ? 'eyebrow-primary' : 'eyebrow-secondary'}>
          <Phrased text={w.text} lang={w.lang} />
        </span>
      ))}
    </div>
  );
}

/** The event logo, small, in the top corner of every slide (nothing when the theme has none or it fails). */
export function CornerLogo() {
  const { view } = useSlideEnv();
  if (view.theme.logo === undefined) return null;
  return <AssetImage assetRef={view.theme.logo} className="corner-logo" fallback={null} />;
}

/** The common layout of a content slide: a head row (label, logo) above the body. */
export function SlideFrame({ eyebrow, className, children, badge }: SlideFrameProps) {
  return (
    <div className={`slide ${className}`}>
      <header className="slide-head">
        <div className="slide-head-left">
          {eyebrow === undefined ? null : <Eyebrow text={eyebrow} />}
          {badge}
        </div>
        <CornerLogo />
      </header>
      <div className="slide-body">{children}</div>
    </div>
  );
}
