import type { PlaylistItem } from '../core/control/controlState';
import type { Lang } from '../remote-shared/lang';
import { textIn } from '../remote-shared/textIn';
import type { Strings } from './i18n';
import { SlideIcon } from './SlideIcon';

/** The whole playlist; tapping a slide shows it at once. */
export function SlidesTab(
  props: Readonly<{
    slides: readonly PlaylistItem[];
    currentId: string | null;
    lang: Lang;
    t: Strings;
    disabled: boolean;
    run: (command: Record<string, unknown>) => void;
  }>,
) {
  const { slides, currentId, lang, t, disabled, run } = props;
  return (
    <div className="tab slides-tab">
      <p className="hint">{t.jumpHint}</p>
      <ul className="slide-list">
        {slides.map((s) => {
          const current = s.id === currentId;
          return (
            <li key={s.id}>
              <button
                type="button"
                className={`slide-row${current ? ' current' : ''}${s.eligible ? '' : ' dim'}${s.forScreen ? '' : ' elsewhere'}`}
                disabled={disabled || !s.forScreen}
                aria-current={current ? 'true' : undefined}
                onClick={() => run({ type: 'goto', slide: s.id })}
              >
                <span className="row-pos">{s.position}</span>
                <span className={`type-badge small type-${s.type}`}>
                  <SlideIcon type={s.type} size={18} />
                </span>
                <span className="row-text">
                  <span className="row-title">{textIn(s.title, lang)}</span>
                  <span className="row-sub">
                    {s.subtitle ? textIn(s.subtitle, lang) : s.id}
                    {!s.forScreen ? (
                      <span className="tag">{t.notForScreen}</span>
                    ) : !s.enabled ? (
                      <span className="tag">{t.disabled}</span>
                    ) : !s.eligible ? (
                      <span className="tag">{t.notInRotation}</span>
                    ) : null}
                  </span>
                </span>
                {current ? <span className="tag live">{t.onScreen}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
