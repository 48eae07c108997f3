import { useContext } from 'react';
import { SlideEnvContext } from '../show/SlideEnv';
import { useNow } from '../time/clock';

/** How long each language stays up when the event alternates languages. */
export const ALTERNATE_MS = 6_000;

/** The languages to show right now: all of them stacked, or one at a time in 'alternate' mode. */
export function useShownLanguages(): readonly string[] {
  const env = useContext(SlideEnvContext);
  const languages = env?.view.event.languages ?? ['en'];
  const alternate = env?.view.event.languageMode === 'alternate' && languages.length > 1;
  const now = useNow(alternate ? 1000 : 3_600_000);
  if (!alternate) return languages;
  const index = env.still ? 0 : Math.floor(now / ALTERNATE_MS) % languages.length;
  const lang = languages[index] ?? languages[0] ?? 'en';
  return [lang, ...languages.filter((l) => l !== lang)].slice(0, 1);
}
