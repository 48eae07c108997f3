import { assertNever } from '../core/assertNever';
import { readLanRefusal } from '../core/channels/lanRefusal';
import { ERROR_CODES, type ErrorCode } from '../core/control/replies';
import { ERROR_WORDS } from './errorWords';
import type { Lang } from './lang';

/**
 * Why a request to the host gave no usable answer: the host refused it (its code and text), answered an HTTP
 * status without a readable reason, answered something that failed its schema, or did not answer at all.
 */
export type Refusal =
  | Readonly<{ kind: 'refused'; code: string; message: string }>
  | Readonly<{ kind: 'status'; status: number }>
  | Readonly<{ kind: 'unreadable'; detail: string | null }>
  | Readonly<{ kind: 'no-answer'; detail: string | null }>;

/** A refusal as staff read it: a sentence in the interface's language, and the technical text beneath (or none). */
export type RefusalWords = Readonly<{ headline: string; detail: string | null }>;

/**
 * What an app says in its own words (it knows whom it talks to: a screen's host, the venue hub): a refusal
 * without a code, a code it does not know, and, where the shared words of a code point at the other app's
 * controls, its own words for that code.
 */
export type OwnRefusalWords = Readonly<{
  replyUnreadable: string;
  noAnswer: string;
  hostStatus: (status: number) => string;
  unknownRefusal: (code: string) => string;
  codeWords?: Readonly<Partial<Record<ErrorCode, string>>>;
}>;

/** Whether `code` is one of the host's error codes this remote has words for. */
function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/** The refusal of an HTTP answer that is not OK: the host's code and text when its body carries them, else its status. */
export function httpRefusal(status: number, body: unknown): Refusal {
  const refused = readLanRefusal(body);
  return refused === null ? { kind: 'status', status } : { kind: 'refused', ...refused };
}

/** A response's body as JSON, or null when it is not JSON (a connection that fails while it is read still throws). */
export async function jsonOrNull(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A schema problem as zod reports it (classic or mini): where, and what. */
type SchemaIssue = Readonly<{ path: readonly PropertyKey[]; message: string }>;

/** The first problem of an answer that failed its schema, as "where: what" ("answer" for the whole), or null. */
export function firstProblem(issues: readonly SchemaIssue[]): string | null {
  const issue = issues[0];
  if (issue === undefined) return null;
  return `${issue.path.length === 0 ? 'answer' : issue.path.map(String).join('.')}: ${issue.message}`;
}

/** The refusal of a request that got no answer (network down, given up), with the browser's reason when it has one. */
export function noAnswer(err: unknown): Refusal {
  const detail = err instanceof Error && err.name !== 'AbortError' && err.message !== '' ? err.message : null;
  return { kind: 'no-answer', detail };
}

/**
 * Says a refusal in `lang`: a known code in the app's words (`own.codeWords`, else the shared `ERROR_WORDS`) with
 * the sender's text beneath; an unknown code in the sender's text (never blank); the rest in the app's own words.
 */
export function sayRefusal(refusal: Refusal, lang: Lang, own: OwnRefusalWords): RefusalWords {
  switch (refusal.kind) {
    case 'refused': {
      const text = refusal.message.trim();
      if (isErrorCode(refusal.code)) {
        const headline = own.codeWords?.[refusal.code] ?? ERROR_WORDS[lang][refusal.code];
        return { headline, detail: text || null };
      }
      return { headline: text || own.unknownRefusal(refusal.code), detail: null };
    }
    case 'status':
      return { headline: own.hostStatus(refusal.status), detail: null };
    case 'unreadable':
      return { headline: own.replyUnreadable, detail: refusal.detail };
    case 'no-answer':
      return { headline: own.noAnswer, detail: refusal.detail };
    default:
      return assertNever(refusal);
  }
}
