import type { Lang } from './lang';
import { type OwnRefusalWords, type Refusal, sayRefusal } from './refusal';

/** Why the host said no, in the interface's words, with its own (English) text smaller beneath for the technician. */
export function RefusalText({
  refusal,
  lang,
  own,
}: Readonly<{ refusal: Refusal; lang: Lang; own: OwnRefusalWords }>) {
  const { headline, detail } = sayRefusal(refusal, lang, own);
  return (
    <span className="refusal" data-testid="refusal">
      <span className="refusal-headline">{headline}</span>
      {detail !== null ? (
        <span className="refusal-detail" lang="en">
          {detail}
        </span>
      ) : null}
    </span>
  );
}
