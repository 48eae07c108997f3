import { useCallback, useEffect, useRef, useState } from 'react';
import { AnnounceTab } from './AnnounceTab';
import { ControlTab } from './ControlTab';
import { HealthPanel } from './HealthPanel';
import { withoutFolder } from './healthFormat';
import { judgeHealth } from './healthStatus';
import { documentLang, type Lang, uiLanguage } from '../remote-shared/lang';
import { strings } from './i18n';
import type { Refusal } from '../remote-shared/refusal';
import { RefusalText } from '../remote-shared/RefusalText';
import { SlidesTab } from './SlidesTab';
import { UiIcon } from './SlideIcon';
import { TokenScreen } from './TokenScreen';
import { useHealth } from './useHealth';
import { useNow } from './useNow';
import { type Connection, useRemote } from './useRemote';

type Tab = 'control' | 'slides' | 'announce' | 'health';
type Toast = Readonly<
  { kind: 'ok'; text: string; key: number } | { kind: 'error'; refusal: Refusal; key: number }
>;

/** The staff web remote: one screen for one hand, with four tabs. */
export function App() {
  const lang: Lang = uiLanguage(navigator.language);
  const t = strings(lang);
  const remote = useRemote();
  const now = useNow();
  const health = useHealth();
  const [tab, setTab] = useState<Tab>('control');
  const [screenName, setScreenName] = useState<string | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const toastTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    document.documentElement.lang = documentLang(lang);
    document.title = t.appName;
  }, [lang, t.appName]);

  const showToast = useCallback((toast: Toast) => {
    if (toastTimer.current) clearTimeout(toastTimer.current);
    setToast(toast);
    // Why: a refusal is a sentence to read and act on, with the host's text beneath; "done" is a glance.
    toastTimer.current = setTimeout(() => setToast(null), toast.kind === 'error' ? 8000 : 1200);
  }, []);

  const { send } = remote;
  const run = useCallback(
    (command: Record<string, unknown>) => {
      navigator.vibrate?.(12);
      const addressed = screenName === null ? command : { ...command, screen: screenName };
      void send(addressed).then((reply) => {
        if (!reply.ok) showToast({ kind: 'error', refusal: reply.refusal, key: Date.now() });
        else if (command.type === 'announce' || command.type === 'clear-announcement')
          showToast({ kind: 'ok', text: t.sent, key: Date.now() });
      });
    },
    [send, screenName, showToast, t.sent],
  );

  if (remote.connection.kind === 'no-token') {
    return <TokenScreen t={t} rejected={remote.connection.rejected} onToken={remote.setToken} />;
  }

  const screens = remote.screens;
  const selected = screens.find((s) => s.state.screen === screenName) ?? screens[0] ?? null;
  const slides = remote.playlists[selected?.state.screen ?? ''] ?? Object.values(remote.playlists)[0] ?? [];
  const disabled = remote.connection.kind !== 'online';
  const errors = selected?.state.playlistErrors ?? [];
  const healthLevel = health.kind === 'ok' ? judgeHealth(health.sample.health).level : null;

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="logo-mark small" aria-hidden="true">
            M
          </span>
          <span>{t.appName}</span>
        </div>
        <ConnectionPill connection={remote.connection} now={now} t={t} />
      </header>

      {screens.length > 1 ? (
        <div className="screen-picker">
          <button
            type="button"
            aria-pressed={screenName === null}
            className={`chip${screenName === null ? ' on' : ''}`}
            onClick={() => setScreenName(null)}
          >
            {t.allScreens}
          </button>
          {screens.map((s) => (
            <button
              type="button"
              key={s.state.screen}
              aria-pressed={screenName === s.state.screen}
              className={`chip${screenName === s.state.screen ? ' on' : ''}`}
              onClick={() => setScreenName(s.state.screen)}
            >
              {s.state.screen}
            </button>
          ))}
        </div>
      ) : null}

      {remote.connection.kind === 'offline' ? (
        <div className="offline-banner" role="status">
          <span>{t.offlineRetry(Math.max(0, Math.ceil((remote.connection.retryAt - now) / 1000)))}</span>
          <button type="button" onClick={remote.retryNow}>
            {t.retryNow}
          </button>
        </div>
      ) : null}

      {errors.length > 0 && tab !== 'health' ? (
        <section className="problems" role="alert">
          <strong>{t.playlistRejected}</strong>
          <ul>
            {errors.slice(0, 8).map((e) => (
              <li key={e}>{withoutFolder(e)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <main className={`content${disabled ? ' stale' : ''}`}>
        {tab === 'control' ? (
          <ControlTab
            screen={selected}
            lang={lang}
            t={t}
            now={now}
            disabled={disabled}
            run={run}
            token={remote.token}
          />
        ) : null}
        {tab === 'slides' ? (
          <SlidesTab
            slides={slides}
            currentId={selected?.state.slide?.id ?? null}
            lang={lang}
            t={t}
            disabled={disabled}
            run={run}
          />
        ) : null}
        {tab === 'announce' ? (
          <AnnounceTab
            state={selected?.state ?? null}
            receivedAt={selected?.receivedAt ?? now}
            now={now}
            lang={lang}
            t={t}
            disabled={disabled}
            run={run}
          />
        ) : null}
        {tab === 'health' ? <HealthPanel state={health} lang={lang} t={t} now={now} /> : null}
      </main>

      {toast ? (
        <div key={toast.key} className={`toast ${toast.kind}`} role="status">
          {toast.kind === 'ok' ? toast.text : <RefusalText refusal={toast.refusal} lang={lang} own={t} />}
        </div>
      ) : null}

      <nav className="tabbar">
        {(
          [
            ['control', t.tabControl, 'control'],
            ['slides', t.tabSlides, 'slides'],
            ['announce', t.tabAnnounce, 'announce'],
            ['health', t.tabHealth, 'health'],
          ] as const
        ).map(([key, label, icon]) => (
          <button
            type="button"
            key={key}
            className={`tab-button${tab === key ? ' on' : ''}`}
            aria-current={tab === key ? 'page' : undefined}
            onClick={() => setTab(key)}
          >
            <span className="tab-icon">
              <UiIcon name={icon} size={22} />
              {key === 'health' && (healthLevel === 'warning' || healthLevel === 'problem') ? (
                <span className={`tab-badge level-${healthLevel}`} data-testid="health-badge">
                  !
                </span>
              ) : null}
            </span>
            <span>{label}</span>
          </button>
        ))}
      </nav>
    </div>
  );
}

function ConnectionPill({
  connection,
  now,
  t,
}: Readonly<{ connection: Connection; now: number; t: ReturnType<typeof strings> }>) {
  const label =
    connection.kind === 'online'
      ? t.online
      : connection.kind === 'offline'
        ? `${t.offline} · ${Math.max(0, Math.ceil((connection.retryAt - now) / 1000))}s`
        : t.connecting;
  return (
    <span className={`pill ${connection.kind}`} data-testid="connection">
      <span className="dot" />
      {label}
    </span>
  );
}
