import { useCallback, useEffect, useMemo, useState } from 'react';
import { FleetSnapshot, type SendTarget } from '../core/channels/hubApiContract';
import { type FleetStrings, stringsFor } from './i18n';
import { ScreenRow, textOf } from './ScreenRow';
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
  const [lang, setLang] = useState<'zh' | 'en'>(() => {
    const q = new URLSearchParams(window.location.search).get('lang') ?? navigator.language;
    return q.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  });
  const t = stringsFor(lang);
  const [token, setToken] = useState<string | null>(initialToken);
  const [snapshot, setSnapshot] = useState<FleetSnapshot | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [group, setGroup] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState<string | null>(null);
  const [text, setText] = useState('');
  const thumbs = useThumbnails(token);

  const api = useCallback(
    async (path: string, body?: unknown): Promise<unknown> => {
      const res = await fetch(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { Authorization: `Bearer ${token ?? ''}` },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (res.status === 401) {
        localStorage.removeItem(TOKEN_KEY);
        setToken(null);
      }
      return res.json();
    },
    [token],
  );

  useEffect(() => {
    if (token === null) return;
    let live = true;
    const poll = async (): Promise<void> => {
      try {
        const parsed = FleetSnapshot.safeParse(await api('../api/fleet'));
        if (!live) return;
        if (parsed.success) {
          setSnapshot(parsed.data);
          setProblem(null);
        } else setProblem(t.unreachable);
      } catch {
        if (live) setProblem(t.unreachable);
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), 2_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [token, api, t.unreachable]);

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
  /** Posts to the hub; an answer that is not ok (the broker silent, a bad command) is shown with its reason. */
  const post = async (path: string, body: unknown): Promise<Record<string, unknown> | null> => {
    let answer: Record<string, unknown>;
    try {
      answer = (await api(path, body)) as Record<string, unknown>;
    } catch {
      setNote(t.failed(t.unreachable));
      return null;
    }
    if (answer.ok === true) return answer;
    const error = answer.error as { message?: unknown } | undefined;
    setNote(t.failed(typeof error?.message === 'string' ? error.message : t.unreachable));
    return null;
  };
  const send = async (command: Readonly<Record<string, unknown>>): Promise<void> => {
    const result = (await post('../api/fleet/commands', { target: target(), command })) as {
      expected?: unknown[];
      replies?: unknown[];
    } | null;
    if (result !== null) setNote(t.sent(result.replies?.length ?? 0, result.expected?.length ?? 0));
  };
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
          <span>{textOf(alert.text, lang)}</span>
          <button type="button" onClick={() => void post('../api/fleet/alert', { active: false })}>
            {t.clear}
          </button>
        </section>
      ) : null}
      {problem ? <p className="problem">{problem}</p> : null}
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
        <div className="target">
          {selected.size > 0 ? t.selected(selected.size) : (group ?? t.all)}
          {note ? <span className="note"> · {note}</span> : null}
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
              if (window.confirm(t.emergencyConfirm))
                void post('../api/fleet/alert', { active: true, text: words });
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
