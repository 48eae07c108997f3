import { Fragment } from 'react';
import { phrasesOf } from './phrases';

/**
 * A text whose lines break only between phrases: for Chinese, the phrases inside one `keep-all` span
 * with a `<wbr>` between them (nothing extra is copied with the text); other languages as they are.
 */
export function Phrased({ text, lang }: Readonly<{ text: string; lang: string }>) {
  const phrases = phrasesOf(text, lang);
  if (phrases === null) return text;
  return (
    <span className="phrases">
      {phrases.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the phrases of one text, in order; the same phrase may repeat
        <Fragment key={i}>
          {i === 0 ? null : <wbr />}
          {p}
        </Fragment>
      ))}
    </span>
  );
}
