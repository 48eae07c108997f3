import { useState } from 'react';
import { formatDuration } from '../core/control/formatState';
import type { ControlState } from '../core/control/controlState';
import { liveLeftMs } from './remoteConnection';
import type { Lang } from '../remote-shared/lang';
import { textIn } from '../remote-shared/textIn';
import { DURATIONS, PRESETS, type Strings } from './i18n';

/** Presets and a form for an announcement over the slides, and a button to clear it. */
export function AnnounceTab(
  props: Readonly<{
    state: ControlState | null;
    /** When `state` arrived, for the live countdown. */
    receivedAt: number;
    now: number;
    lang: Lang;
    t: Strings;
    disabled: boolean;
    run: (command: Record<string, unknown>) => void;
  }>,
) {
  const { state, receivedAt, now, lang, t, disabled, run } = props;
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [seconds, setSeconds] = useState<number>(300);
  const [style, setStyle] = useState<'info' | 'urgent'>('info');
  const [chosen, setChosen] = useState<string | null>(null);

  const text: Record<string, string> = {};
  if (zh.trim()) text.zh = zh.trim();
  if (en.trim()) text.en = en.trim();
  const canSend = Object.keys(text).length > 0 && !disabled;

  const send = () => {
    run({ type: 'announce', text, style, ...(seconds > 0 ? { seconds } : {}) });
  };

  return (
    <div className="tab announce-tab">
      {state?.announcement ? (
        <section className={`current-announcement style-${state.announcement.style}`}>
          <div className="card-label">
            <span>{t.current}</span>
            <span>
              {state.announcement.timeLeftMs !== null
                ? formatDuration(liveLeftMs(state.announcement.timeLeftMs, receivedAt, now, true) ?? 0)
                : t.untilCleared}
            </span>
          </div>
          <div className="current-text">{textIn(state.announcement.text, lang)}</div>
          <button
            type="button"
            className="wide-button danger"
            disabled={disabled}
            onClick={() => run({ type: 'clear-announcement' })}
          >
            {t.clear}
          </button>
        </section>
      ) : null}

      <h2 className="section-title">{t.presets}</h2>
      <div className="presets">
        {PRESETS.map((p) => (
          <button
            type="button"
            key={p.key}
            className={`preset${chosen === p.key ? ' chosen' : ''}${p.style === 'urgent' ? ' urgent' : ''}`}
            onClick={() => {
              setChosen(p.key);
              setZh(p.text.zh);
              setEn(p.text.en);
              setSeconds(p.seconds);
              setStyle(p.style);
            }}
          >
            <span className="preset-main">{lang === 'zh' ? p.text.zh : p.text.en}</span>
            <span className="preset-alt">{lang === 'zh' ? p.text.en : p.text.zh}</span>
          </button>
        ))}
      </div>

      <h2 className="section-title">{t.custom}</h2>
      <div className="form">
        <textarea
          className="field"
          rows={2}
          lang="zh"
          placeholder={t.customPlaceholderZh}
          value={zh}
          maxLength={500}
          onChange={(e) => {
            setZh(e.target.value);
            setChosen(null);
          }}
        />
        <textarea
          className="field"
          rows={2}
          lang="en"
          placeholder={t.customPlaceholderEn}
          value={en}
          maxLength={500}
          onChange={(e) => {
            setEn(e.target.value);
            setChosen(null);
          }}
        />
        <div className="field-label">{t.duration}</div>
        <div className="chips">
          {DURATIONS.map((d) => (
            <button
              type="button"
              key={d}
              aria-pressed={seconds === d}
              className={`chip${seconds === d ? ' on' : ''}`}
              onClick={() => setSeconds(d)}
            >
              {d === 0 ? t.untilCleared : t.minutes(d / 60)}
            </button>
          ))}
        </div>
        <div className="field-label">{t.style}</div>
        <div className="segmented">
          {(['info', 'urgent'] as const).map((s) => (
            <button
              type="button"
              key={s}
              aria-pressed={style === s}
              className={`segment${style === s ? ` on ${s}` : ''}`}
              onClick={() => setStyle(s)}
            >
              {s === 'info' ? t.info : t.urgent}
            </button>
          ))}
        </div>
        <button type="button" className="wide-button primary" disabled={!canSend} onClick={send}>
          {t.send}
        </button>
      </div>
    </div>
  );
}
