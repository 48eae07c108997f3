import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FleetSnapshot, SendTarget } from '../core/channels/hubApiContract';
import { documentLang, type Lang, uiLanguage } from '../remote-shared/lang';
import { jsonOrNull, noAnswer, type Refusal } from '../remote-shared/refusal';
import { RefusalText } from '../remote-shared/RefusalText';
import {
  type HubAnswer,
  readAlertAnswer,
  readSendAnswer,
  readSnapshot,
  type SendOutcome,
} from './hubAnswers';
import { type FleetStrings, stringsFor } from './i18n';
import { textIn } from '../remote-shared/textIn';
import { ScreenRow } from './ScreenRow';
import { SendOutcomeCard } from './SendOutcomeCard';
import { useThumbnails } from './useThumbnails';

const TOKEN_KEY = 'marquee.fleet.token';

function initialToken(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    localStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return localStorage.getItem(TOKEN_KEY);
}

/** The fleet remote: every screen with its presence and slide, groups, commands to a selection, the emergency alert. */
export function App() {
  const [lang, setLang] = useState<Lang>(() =>
    uiLanguage(new URLSearchParams(window.location.search).get('lang') ?? navigator.language),
  );
  const t = stringsFor(lang);
  const [token, setToken] = useState<string | null>(initialToken);
  const [snapshot, setSnapshot] = useState<FleetSnapshot | null>(null);
  const [problem, setProblem] = useState<Refusal | null>(null);
  const [group, setGroup] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const [text, setText] = useState('');
  const thumbs = useThumbnails(token);

  useEffect(() => {
    document.documentElement.lang = documentLang(lang);
  }, [lang]);

  const api = useCallback(
    async (path: string, body?: unknown): Promise<HubAnswer> => {
      const res = await fetch(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { Authorization: `Bearer ${token ?? ''}` },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (res.status === 401) {
        localStorage.removeItem(TOKEN_KEY);
        setToken(null);
      }
      return { status: res.status, body: await jsonOrNull(res) };
    },
    [token],
  );

  useEffect(() => {
    if (token === null) return;
    let live = true;
    const poll = async (): Promise<void> => {
      try {
        const read = readSnapshot(await api('../api/fleet'));
        if (!live) return;
        if (read.ok) {
          setSnapshot(read.snapshot);
          setProblem(null);
        } else setProblem(read.refusal);
      } catch (err) {
        if (live) setProblem(noAnswer(err));
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), 2_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [token, api]);

  const shown = useMemo(
    () => (snapshot?.screens ?? []).filter((s) => group === null || (s.last?.groups ?? []).includes(group)),
    [snapshot, group],
  );

  if (token === null) return <TokenForm t={t} onToken={setToken} />;

  const target = (): SendTarget =>
    selected.size > 0
      ? { kind: 'screens', screens: [...selected] }
      : group !== null
        ? { kind: 'group', group }
        : { kind: 'all' };
  /**
   * Posts to the hub and says what it came to: the hub's refusal (the broker silent, a bad command), no answer,
   * or the screens' refusals; null when all was done and there is nothing to say (the alert).
   */
  const post = async (
    path: string,
    body: unknown,
    read: (answer: HubAnswer) => SendOutcome | null,
  ): Promise<void> => {
    try {
      setOutcome(read(await api(path, body)));
    } catch (err) {
      setOutcome({ kind: 'failed', refusal: noAnswer(err) });
    }
  };
  const send = (command: Readonly<Record<string, unknown>>): Promise<void> =>
    post('../api/fleet/commands', { target: target(), command }, readSendAnswer);
  const setAlert = (body: unknown): Promise<void> =>
    post('../api/fleet/alert', body, (answer) => {
      const refusal = readAlertAnswer(answer);
      return refusal === null ? null : { kind: 'failed', refusal };
    });
  const toggle = (screen: string): void =>
    setSelected((before) => {
      const next = new Set(before);
      if (next.has(screen)) next.delete(screen);
      else next.add(screen);
      return next;
    });
  const alert = snapshot?.alert;
  const counts = { online: shown.filter((s) => s.state === 'online').length, total: shown.length };

  return (
    <main className="fleet">
      <header className="top">
        <h1>{t.title}</h1>
        <span className="count">
          {counts.online}/{counts.total} {t.online}
        </span>
        <button type="button" className="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {lang === 'zh' ? 'EN' : '中文'}
        </button>
      </header>
      {alert?.active ? (
        <section className="alert-banner" role="alert">
          <strong>{t.alertActive}</strong>
          <span>{textIn(alert.text, lang)}</span>
          <button type="button" onClick={() => void setAlert({ active: false })}>
            {t.clear}
          </button>
        </section>
      ) : null}
      {problem ? (
        <p className="problem" data-testid="hub-problem">
          <RefusalText refusal={problem} lang={lang} own={t} />
        </p>
      ) : null}
      <nav className="groups">
        {[null, ...(snapshot?.groups ?? [])].map((g) => (
          <button
            type="button"
            key={g ?? '*'}
            className={g === group ? 'chip on' : 'chip'}
            onClick={() => setGroup(g)}
          >
            {g ?? t.all}
          </button>
        ))}
      </nav>
      <ul className="screens">
        {shown.map((s) => (
          <ScreenRow
            key={s.screen}
            s={s}
            t={t}
            lang={lang}
            now={snapshot?.now ?? 0}
            on={selected.has(s.screen)}
            toggle={toggle}
            thumb={thumbs.get(s.screen)}
          />
        ))}
      </ul>
      <footer className="actions">
        {outcome !== null ? (
          <SendOutcomeCard outcome={outcome} lang={lang} t={t} onDismiss={() => setOutcome(null)} />
        ) : null}
        <div className="target">
          {selected.size > 0 ? t.selected(selected.size) : (group ?? t.all)}
          {outcome !== null ? (
            <span className="note">
              {' · '}
              {outcome.kind === 'sent' ? t.sent(outcome.replied, outcome.expected) : t.notDelivered}
            </span>
          ) : null}
        </div>
        <div className="row">
          <button type="button" onClick={() => void send({ type: 'prev' })}>
            {t.prev}
          </button>
          <button type="button" onClick={() => void send({ type: 'next' })}>
            {t.next}
          </button>
          <button type="button" onClick={() => void send({ type: 'blackout', on: true })}>
            {t.blackout}
          </button>
          <button type="button" onClick={() => void send({ type: 'blackout', on: false })}>
            {t.unblack}
          </button>
        </div>
        <div className="row">
          <input
            className="field"
            value={text}
            placeholder={t.emergencyPlaceholder}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="row">
          <button
            type="button"
            disabled={text.trim() === ''}
            onClick={() => void send({ type: 'announce', text: text.trim() })}
          >
            {t.announce}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              const words =
                text.trim() === ''
                  ? (t.emergencyPlaceholder.split(/[:：]/).pop()?.trim() ?? t.emergency)
                  : text.trim();
              if (window.confirm(t.emergencyConfirm)) void setAlert({ active: true, text: words });
            }}
          >
            {t.emergency}
          </button>
        </div>
      </footer>
    </main>
  );
}

function TokenForm({ t, onToken }: Readonly<{ t: FleetStrings; onToken: (token: string) => void }>) {
  const [value, setValue] = useState('');
  return (
    <main className="fleet token">
      <h1>{t.tokenTitle}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          localStorage.setItem(TOKEN_KEY, value.trim());
          onToken(value.trim());
        }}
      >
        <input
          className="field"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
        />
        <button type="submit" disabled={value.trim() === ''}>
          {t.tokenSave}
        </button>
      </form>
    </main>
  );
}
