import type { z } from 'zod';
import { AlertResult, FleetSnapshot, SendSummary } from '../core/channels/hubApiContract';
import { firstProblem, httpRefusal, type Refusal } from '../remote-shared/refusal';

/** An answer of the hub as fetched: its HTTP status and its body as JSON (null: none, or not JSON). */
export type HubAnswer = Readonly<{ status: number; body: unknown }>;

/** One refusal and the screens that gave it (the same code and text). */
export type ScreensRefusal = Readonly<{ screens: readonly string[]; refusal: Refusal }>;

/**
 * What a command or the alert came to: the hub refused it or gave no usable answer; or it went out, with how
 * many of the addressed screens replied and which of them refused (a command only).
 */
export type SendOutcome =
  | Readonly<{ kind: 'failed'; refusal: Refusal }>
  | Readonly<{ kind: 'sent'; replied: number; expected: number; refusals: readonly ScreensRefusal[] }>;

/** `GET /api/fleet`'s answer: the snapshot, or why there is none. */
export function readSnapshot(
  answer: HubAnswer,
): Readonly<{ ok: true; snapshot: FleetSnapshot }> | Readonly<{ ok: false; refusal: Refusal }> {
  const parsed = ok(answer) ? FleetSnapshot.safeParse(answer.body) : null;
  if (parsed === null) return { ok: false, refusal: httpRefusal(answer.status, answer.body) };
  return parsed.success
    ? { ok: true, snapshot: parsed.data }
    : { ok: false, refusal: unreadable(parsed.error) };
}

/** `POST /api/fleet/commands`' answer: the hub's refusal, or the replies with the screens' refusals grouped. */
export function readSendAnswer(answer: HubAnswer): SendOutcome {
  const parsed = ok(answer) ? SendSummary.safeParse(answer.body) : null;
  if (parsed === null) return { kind: 'failed', refusal: httpRefusal(answer.status, answer.body) };
  if (!parsed.success) return { kind: 'failed', refusal: unreadable(parsed.error) };
  const groups = new Map<string, { screens: string[]; refusal: Refusal }>();
  for (const { screen, reply } of parsed.data.replies) {
    if (reply.ok) continue;
    const { code, message } = reply.error;
    const key = JSON.stringify([code, message]);
    const group = groups.get(key);
    if (group === undefined)
      groups.set(key, { screens: [screen], refusal: { kind: 'refused', code, message } });
    else group.screens.push(screen);
  }
  return {
    kind: 'sent',
    replied: parsed.data.replies.length,
    expected: parsed.data.expected.length,
    refusals: [...groups.values()],
  };
}

/** `POST /api/fleet/alert`'s answer: null when the hub took it, else why not. */
export function readAlertAnswer(answer: HubAnswer): Refusal | null {
  const parsed = ok(answer) ? AlertResult.safeParse(answer.body) : null;
  if (parsed === null) return httpRefusal(answer.status, answer.body);
  return parsed.success ? null : unreadable(parsed.error);
}

function ok(answer: HubAnswer): boolean {
  return answer.status >= 200 && answer.status < 300;
}

/** An answer that failed its schema, with the first problem (where and what) for the technician. */
function unreadable(error: z.ZodError): Refusal {
  return { kind: 'unreadable', detail: firstProblem(error.issues) };
}
