import type { CSSProperties } from 'react';
import type { Theme } from '../../core/playlist/types';
import { assetUrl } from '../../core/view/assetUrl';

/** The CJK-first font stack used when the theme names none. */
export const DEFAULT_FONTS =
  '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif';

/** Colours used when the theme leaves them out: made for a dark venue screen. */
export const DEFAULT_THEME = {
  background: ['#070b1a', '#101a3d', '#1b1445'],
  accent: '#4f8cff',
  text: '#f5f7fc',
  mutedText: '#a8b3cf',
} as const;

/** The CSS properties a background sets. */
export type BackgroundStyle = Readonly<{
  background?: string;
  backgroundColor?: string;
  backgroundImage?: string;
  backgroundSize?: string;
  backgroundPosition?: string;
}>;

/** The CSS background of the whole screen (also the letterbox) for a theme. */
export function backgroundStyle(theme: Theme, assetBase: string): BackgroundStyle {
  const bg = theme.background;
  if (bg === undefined) {
    return { background: `linear-gradient(135deg, ${DEFAULT_THEME.background.join(', ')})` };
  }
  if (typeof bg === 'string') return { background: bg };
  if ('gradient' in bg)
    return { background: `linear-gradient(${bg.angle ?? 135}deg, ${bg.gradient.join(', ')})` };
  return {
    backgroundColor: bg.color ?? DEFAULT_THEME.background[0],
    backgroundImage: `url("${assetUrl(bg.image, assetBase)}")`,
    backgroundSize: 'cover',
    backgroundPosition: 'center',
  };
}

/** CSS custom properties carrying the theme's colours and fonts to every slide. */
export function themeVariables(theme: Theme): CSSProperties {
  const vars: Record<string, string> = {
    '--accent': theme.accent ?? DEFAULT_THEME.accent,
    '--text': theme.text ?? DEFAULT_THEME.text,
    '--muted': theme.mutedText ?? DEFAULT_THEME.mutedText,
    '--font-heading': theme.fonts?.heading ?? DEFAULT_FONTS,
    '--font-body': theme.fonts?.body ?? DEFAULT_FONTS,
  };
  return vars as CSSProperties;
}
