import { useEffect, useState } from 'react';
import { Health } from '../core/channels/healthContract';
import { firstProblem, httpRefusal, jsonOrNull, noAnswer, type Refusal } from '../remote-shared/refusal';

/** Where the remote asks for health (same origin as the remote: the LAN API). */
export const HEALTH_URL = '/api/health';

/** How often the remote asks while the page is visible. */
export const HEALTH_POLL_MS = 5000;

/** The last good answer and when (phone clock) it arrived. */
export type HealthSample = Readonly<{ health: Health; receivedAt: number }>;

/** What the health panel knows: nothing yet, a fresh answer, or why the last request gave no usable answer. */
export type HealthState =
  | Readonly<{ kind: 'loading' }>
  | Readonly<{ kind: 'ok'; sample: HealthSample }>
  | Readonly<{ kind: 'unavailable'; refusal: Refusal; last: HealthSample | null }>;

/** Reads a fetched body as `Health`, or says in one line why it is not one. */
export function parseHealth(body: unknown): { ok: true; health: Health } | { ok: false; reason: string } {
  const parsed = Health.safeParse(body);
  if (parsed.success) return { ok: true, health: parsed.data };
  return {
    ok: false,
    reason: `${HEALTH_URL}: ${firstProblem(parsed.error.issues) ?? 'answer: not a health answer'}`,
  };
}

/** Polls `GET /api/health` every `everyMs` while the page is visible, validating each answer with the zod schema. */
export function useHealth(everyMs = HEALTH_POLL_MS): HealthState {
  const [state, setState] = useState<HealthState>({ kind: 'loading' });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let inFlight: AbortController | null = null;
    const fail = (refusal: Refusal) =>
      setState((old) => ({
        kind: 'unavailable',
        refusal,
        last: old.kind === 'ok' ? old.sample : old.kind === 'unavailable' ? old.last : null,
      }));
    const schedule = () => {
      if (timer !== null) clearTimeout(timer);
      timer = stopped || document.visibilityState !== 'visible' ? null : setTimeout(poll, everyMs);
    };
    const poll = async () => {
      timer = null;
      if (inFlight !== null) return;
      const controller = new AbortController();
      inFlight = controller;
      const giveUp = setTimeout(() => controller.abort(), Math.max(1000, everyMs - 500));
      try {
        const res = await fetch(HEALTH_URL, { cache: 'no-store', signal: controller.signal });
        const body = await jsonOrNull(res);
        if (stopped) return;
        const parsed = res.ok ? parseHealth(body) : null;
        if (parsed === null) fail(httpRefusal(res.status, body));
        else if (parsed.ok)
          setState({ kind: 'ok', sample: { health: parsed.health, receivedAt: Date.now() } });
        else fail({ kind: 'unreadable', detail: parsed.reason });
      } catch (err) {
        if (!stopped) fail(noAnswer(err));
      } finally {
        clearTimeout(giveUp);
        inFlight = null;
        schedule();
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void poll();
      else if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
    };
    void poll();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      inFlight?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [everyMs]);

  return state;
}
