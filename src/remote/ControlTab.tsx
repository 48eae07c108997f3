import { formatDuration } from '../core/control/formatState';
import type { SlideCard } from '../core/control/controlState';
import type { Lang } from '../remote-shared/lang';
import { textIn } from '../remote-shared/textIn';
import type { Strings } from './i18n';
import { LiveScreen } from './LiveScreen';
import { liveLeftMs } from './remoteConnection';
import { SlideIcon, UiIcon } from './SlideIcon';
import type { ScreenState } from './useRemote';

/** The main tab: what is on screen and next, with big buttons for one thumb. */
export function ControlTab(
  props: Readonly<{
    screen: ScreenState | null;
    lang: Lang;
    t: Strings;
    now: number;
    disabled: boolean;
    run: (command: Record<string, unknown>) => void;
    /** For the live screen's requests. */
    token: string | null;
  }>,
) {
  const { screen, lang, t, now, disabled, run } = props;
  const state = screen?.state ?? null;
  const running = state !== null && !state.paused && !state.blackout;
  const left = state && screen ? liveLeftMs(state.timeLeftMs, screen.receivedAt, now, running) : null;
  const progress =
    state?.durationMs && left !== null ? Math.min(1, Math.max(0, 1 - left / state.durationMs)) : 0;
  const announcementLeft =
    state?.announcement && screen
      ? liveLeftMs(state.announcement.timeLeftMs, screen.receivedAt, now, true)
      : null;

  return (
    <div className="tab control-tab">
      <section className={`now-card${state?.blackout ? ' is-black' : ''}`} aria-label={t.now}>
        <div className="card-label">
          <span>{t.now}</span>
          {state?.slide ? (
            <span className="position">
              {state.slide.position} / {state.count}
            </span>
          ) : null}
        </div>
        {state?.slide ? (
          <CardBody card={state.slide} lang={lang} big />
        ) : (
          <div className="card-body">
            <div className="card-text">
              <div className="card-title big">{state ? t.idle : '—'}</div>
              {state ? <div className="card-sub">{t.idleHint}</div> : null}
            </div>
          </div>
        )}
        <div className="progress" aria-hidden="true">
          <div className="progress-bar" style={{ transform: `scaleX(${progress})` }} />
        </div>
        <div className="now-footer">
          <span className="time-left" data-testid="time-left">
            {left !== null ? t.timeLeft(formatDuration(left)) : ''}
          </span>
          <span className="flags">
            {state?.paused ? <span className="flag flag-paused">{t.paused}</span> : null}
            {state?.blackout ? <span className="flag flag-black">{t.blackoutOn}</span> : null}
          </span>
        </div>
      </section>

      <LiveScreen
        token={props.token}
        active={!disabled}
        slideKey={
          state === null ? null : `${state.slide?.id ?? ''}|${state.blackout}|${state.announcement?.id ?? ''}`
        }
        lang={lang}
        t={t}
        now={now}
      />

      <section className="next-card" aria-label={t.next}>
        <div className="card-label">
          <span>{t.next}</span>
          {state?.next ? <span className="position">{state.next.position}</span> : null}
        </div>
        {state?.next ? (
          <CardBody card={state.next} lang={lang} />
        ) : (
          <div className="card-sub">{t.nothingNext}</div>
        )}
      </section>

      {state?.announcement ? (
        <section className={`announce-strip style-${state.announcement.style}`}>
          <UiIcon name="announce" size={20} />
          <span className="announce-text">{textIn(state.announcement.text, lang)}</span>
          {announcementLeft !== null ? (
            <span className="announce-left">{formatDuration(announcementLeft)}</span>
          ) : null}
          <button
            type="button"
            className="icon-button"
            aria-label={t.clear}
            disabled={disabled}
            onClick={() => run({ type: 'clear-announcement' })}
          >
            <UiIcon name="close" size={18} />
          </button>
        </section>
      ) : null}

      <div className="pad">
        <button
          type="button"
          className="pad-button secondary"
          disabled={disabled}
          onClick={() => run({ type: 'prev' })}
        >
          <UiIcon name="prev" size={34} />
          <span>{t.prev}</span>
        </button>
        <button
          type="button"
          className="pad-button primary"
          disabled={disabled}
          onClick={() => run({ type: 'next' })}
        >
          <UiIcon name="next" size={34} />
          <span>{t.nextButton}</span>
        </button>
        <button
          type="button"
          className={`pad-button toggle${state?.paused ? ' active-warn' : ''}`}
          disabled={disabled}
          aria-pressed={state?.paused ?? false}
          onClick={() => run({ type: state?.paused ? 'resume' : 'pause' })}
        >
          <UiIcon name={state?.paused ? 'play' : 'pause'} />
          <span>{state?.paused ? t.resume : t.pause}</span>
        </button>
        <button
          type="button"
          className={`pad-button toggle${state?.blackout ? ' active-danger' : ''}`}
          disabled={disabled}
          aria-pressed={state?.blackout ?? false}
          onClick={() => run({ type: 'blackout', on: !(state?.blackout ?? false) })}
        >
          <UiIcon name="blackout" />
          <span>{t.blackout}</span>
        </button>
      </div>
    </div>
  );
}

function CardBody({ card, lang, big = false }: Readonly<{ card: SlideCard; lang: Lang; big?: boolean }>) {
  return (
    <div className="card-body">
      <div className={`type-badge type-${card.type}`}>
        <SlideIcon type={card.type} size={big ? 26 : 20} />
      </div>
      <div className="card-text">
        <div className={`card-title${big ? ' big' : ''}`}>{textIn(card.title, lang)}</div>
        {card.subtitle ? <div className="card-sub">{textIn(card.subtitle, lang)}</div> : null}
      </div>
    </div>
  );
}
