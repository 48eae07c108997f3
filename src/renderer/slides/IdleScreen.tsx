import { AssetImage } from '../assets/AssetImage';
import { useSlideEnv } from '../show/SlideEnv';
import { useCanvas } from '../stage/Stage';
import { FitText } from '../text/FitText';
import { InlineText } from '../text/InlineText';
import { zonedClock, zonedDate } from '../time/eventTime';
import { useNow } from '../time/clock';

/** What the idle screen says, quietly, when no slide of the playlist is for this screen. */
const NOTHING_HERE = {
  zh: '本屏幕暂无安排的内容',
  en: 'Nothing is scheduled for this screen',
} as const;

/**
 * The screen when nothing is scheduled: event logo, name, tagline and a live clock in the event timezone;
 * when no slide is for this screen at all (`on`), a quiet line says so, with the screen's name for staff.
 */
export function IdleScreen() {
  const { view } = useSlideEnv();
  const now = useNow(1000);
  const lines = useCanvas().orientation === 'portrait' ? 3 : 2;
  const tz = view.event.timezone;
  const date = Object.fromEntries(view.event.languages.map((lang) => [lang, zonedDate(now, tz, lang)]));
  return (
    <div className="slide idle" data-idle="">
      <div className="idle-glow" aria-hidden="true" />
      {view.theme.logo === undefined ? null : (
        <AssetImage assetRef={view.theme.logo} className="idle-logo" fallback={null} />
      )}
      <FitText text={view.event.name} max={128} min={56} lines={lines} className="idle-name" />
      {view.event.tagline === undefined ? null : (
        <FitText text={view.event.tagline} max={52} min={28} lines={lines} className="idle-tagline" />
      )}
      <div className="idle-clock" data-clock="">
        {zonedClock(now, tz)}
      </div>
      <InlineText text={date} className="idle-date" />
      {view.nothingForScreen ? (
        <div className="idle-nothing-here" data-nothing-here="">
          <InlineText text={NOTHING_HERE} className="idle-nothing-text" />
          <span className="idle-screen-name">{view.screen}</span>
        </div>
      ) : null}
    </div>
  );
}
