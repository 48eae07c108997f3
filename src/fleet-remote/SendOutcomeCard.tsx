import type { Lang } from '../remote-shared/lang';
import { RefusalText } from '../remote-shared/RefusalText';
import type { SendOutcome } from './hubAnswers';
import type { FleetStrings } from './i18n';

/**
 * Why the last command or alert was not done, above the buttons that sent it: the hub's refusal, or each
 * refusal of the screens with the screens that gave it, in the interface's words and the sender's beneath.
 * Nothing when everything was done.
 */
export function SendOutcomeCard({
  outcome,
  lang,
  t,
  onDismiss,
}: Readonly<{ outcome: SendOutcome; lang: Lang; t: FleetStrings; onDismiss: () => void }>) {
  if (outcome.kind === 'sent' && outcome.refusals.length === 0) return null;
  const refusedBy = outcome.kind === 'sent' ? outcome.refusals.reduce((n, r) => n + r.screens.length, 0) : 0;
  return (
    <section className="outcome" role="alert" data-testid="send-outcome" data-kind={outcome.kind}>
      <div className="outcome-head">
        <strong>{outcome.kind === 'failed' ? t.notDelivered : t.refusedBy(refusedBy)}</strong>
        <button type="button" className="outcome-dismiss" onClick={onDismiss}>
          {t.dismiss}
        </button>
      </div>
      {outcome.kind === 'failed' ? (
        <RefusalText refusal={outcome.refusal} lang={lang} own={t} />
      ) : (
        <ul className="outcome-list">
          {outcome.refusals.map((r) => (
            <li key={r.screens.join(' ')} data-testid="screen-refusal">
              <span className="outcome-screens">{r.screens.join(' · ')}</span>
              <RefusalText refusal={r.refusal} lang={lang} own={t} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
