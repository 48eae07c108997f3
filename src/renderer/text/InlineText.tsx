import type { Text } from '../../core/playlist/types';
import { wordingsOf } from './languages';
import { Phrased } from './Phrased';
import { useShownLanguages } from './useShownLanguages';

/** A short label with every language on one line (the first in full colour, the rest muted). */
export function InlineText({ text, className }: Readonly<{ text: Text; className?: string }>) {
  const wordings = wordingsOf(text, useShownLanguages());
  return (
    <div className={className === undefined ? 'inline-text' : `inline-text ${className}`}>
      {wordings.map((w, i) => (
        <span key={w.lang} lang={w.lang} className={i === 0 ? 'inline-primary' : 'inline-secondary'}>
          <Phrased text={w.text} lang={w.lang} />
        </span>
      ))}
    </div>
  );
}
