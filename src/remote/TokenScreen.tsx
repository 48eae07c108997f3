import { useState } from 'react';
import type { Strings } from './i18n';

/** Asks for the access token when the page was opened without one (or with one the host refused). */
export function TokenScreen({
  t,
  rejected,
  onToken,
}: Readonly<{ t: Strings; rejected: boolean; onToken: (token: string) => void }>) {
  const [value, setValue] = useState('');
  return (
    <main className="token-screen">
      <div className="logo-mark" aria-hidden="true">
        M
      </div>
      <h1>{t.tokenTitle}</h1>
      <p>{t.tokenHelp}</p>
      {rejected ? <p className="error-text">{t.tokenRejected}</p> : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) onToken(value.trim());
        }}
      >
        <input
          className="field"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder={t.tokenPlaceholder}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className="wide-button primary" disabled={!value.trim()}>
          {t.tokenSave}
        </button>
      </form>
    </main>
  );
}
