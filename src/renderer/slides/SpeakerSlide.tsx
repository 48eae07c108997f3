import type { SlideOf } from '../../core/playlist/types';
import { AssetImage } from '../assets/AssetImage';
import { Placeholder } from '../assets/Placeholder';
import { SlideFrame } from '../show/SlideFrame';
import { useCanvas } from '../stage/Stage';
import { useSlideEnv } from '../show/SlideEnv';
import { FitText } from '../text/FitText';
import { joinTexts } from '../text/joinTexts';
import { initialsOf, plainText, wordingsOf } from '../text/languages';
import { UI } from '../text/uiText';
import { sessionById, spanText } from '../time/eventTime';

/** Characters of name, role and talk (all languages) above which a portrait slide draws a smaller photo. */
const CROWDED_CHARS = 250;

/** A speaker: round portrait (face kept in frame), name, title and organisation, talk, and session time/room. */
export function SpeakerSlide({ slide }: Readonly<{ slide: SlideOf<'speaker'> }>) {
  const { view } = useSlideEnv();
  const portrait = useCanvas().orientation === 'portrait';
  const languages = view.event.languages;
  const session = sessionById(view.sessions, slide.session);
  const role = joinTexts([slide.title, slide.organization], ' · ', languages);
  const when =
    session === undefined
      ? undefined
      : joinTexts([spanText(session.starts, session.ends), session.room], ' · ', languages);
  // Why: a portrait screen stacks photo and text; very long names and talks get the room a smaller photo leaves.
  const crowded =
    portrait &&
    [slide.name, role, slide.talk].reduce(
      (n, t) => n + (t === undefined ? 0 : plainText(t, languages).length),
      0,
    ) > CROWDED_CHARS;
  const initials = initialsOf(wordingsOf(slide.name, languages)[0]?.text ?? '?');
  const placeholder = (
    <Placeholder label={initials} shape="circle" max={200} min={80} className="speaker-photo" />
  );
  return (
    <SlideFrame eyebrow={UI.speaker} className="speaker">
      <div className={crowded ? 'speaker-photo-ring speaker-photo-ring-small' : 'speaker-photo-ring'}>
        {slide.photo === undefined ? (
          placeholder
        ) : (
          <AssetImage assetRef={slide.photo} className="speaker-photo" fallback={placeholder} />
        )}
      </div>
      <div className="speaker-text">
        <FitText text={slide.name} max={112} min={56} lines={portrait ? 3 : 2} className="speaker-name" />
        {role === undefined ? null : (
          <FitText text={role} max={46} min={28} lines={2} className="speaker-role" />
        )}
        {slide.talk === undefined ? null : (
          <div className="speaker-talk">
            <FitText text={slide.talk} max={64} min={32} lines={3} className="speaker-talk-text" />
          </div>
        )}
        {when === undefined ? null : <FitText text={when} max={36} min={24} lines={1} className="chip" />}
      </div>
    </SlideFrame>
  );
}
