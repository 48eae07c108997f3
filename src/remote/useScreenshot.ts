import { useCallback, useEffect, useRef, useState } from 'react';
import { httpRefusal, jsonOrNull, noAnswer, type Refusal } from '../remote-shared/refusal';
import { nextShotAt, retryAfterMs, type ShotTrigger } from './screenshotTiming';

/** Where the remote asks for the picture on screen. */
export const SCREENSHOT_URL = '/api/screenshot';

/** One picture: an object URL of the image and when (phone clock) it arrived. */
export type Shot = Readonly<{ url: string; receivedAt: number }>;

/** What the live screen shows: nothing yet, a picture (maybe a newer one on its way), or why there is none. */
export type ShotState =
  | Readonly<{ kind: 'loading'; last: Shot | null }>
  | Readonly<{ kind: 'ok'; shot: Shot; refreshing: boolean }>
  | Readonly<{ kind: 'unavailable'; refusal: Refusal; last: Shot | null }>;

/** Whether asking again can bring a picture: not when the host can never see its screen (`screen-not-seen`). */
export function askingAgainHelps(state: ShotState): boolean {
  return !(
    state.kind === 'unavailable' &&
    state.refusal.kind === 'refused' &&
    state.refusal.code === 'screen-not-seen'
  );
}

/** The picture's width for the phone: twice the CSS pixels (sharp on its screen), at most 640 (venue Wi-Fi). */
export function shotWidth(cssWidth: number): number {
  return Math.max(160, Math.min(640, Math.round(cssWidth * 2)));
}

/**
 * The live screen: `GET /api/screenshot` (bearer token) while `active`, on opening, on a tap, a little after
 * the slide changes (`slideKey`) and every 20 s by itself; never faster than the host's limit (see
 * `nextShotAt`), and a 429 waits out its `Retry-After`. One request at a time; old pictures are released.
 */
export function useScreenshot(
  token: string | null,
  active: boolean,
  slideKey: string | null,
  cssWidth: number,
): Readonly<{ state: ShotState; refresh: () => void }> {
  const [state, setState] = useState<ShotState>({ kind: 'loading', last: null });
  const lastAsked = useRef<number | null>(null);
  const retryAt = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const busy = useRef(false);
  const current = useRef<string | null>(null);
  const ask = useRef<(trigger: ShotTrigger) => void>(() => undefined);

  /** Takes one picture; says whether to ask again once the host's Retry-After ran out. */
  const take = useCallback(async (): Promise<'done' | 'retry' | 'busy'> => {
    if (token === null || busy.current) return 'busy';
    busy.current = true;
    lastAsked.current = Date.now();
    setState((s) => (s.kind === 'ok' ? { ...s, refreshing: true } : s));
    const last = (s: ShotState): Shot | null => (s.kind === 'ok' ? s.shot : s.last);
    try {
      const res = await fetch(`${SCREENSHOT_URL}?width=${shotWidth(cssWidth)}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'image/jpeg' },
      });
      if (res.status === 429) {
        retryAt.current = Date.now() + retryAfterMs(res.headers.get('Retry-After'));
        setState((s) => (s.kind === 'ok' ? { ...s, refreshing: false } : s));
        return 'retry';
      }
      if (!res.ok) {
        const refusal = httpRefusal(res.status, await jsonOrNull(res));
        setState((s) => ({ kind: 'unavailable', refusal, last: last(s) }));
        return 'done';
      }
      const url = URL.createObjectURL(await res.blob());
      if (current.current !== null) URL.revokeObjectURL(current.current);
      current.current = url;
      setState({ kind: 'ok', shot: { url, receivedAt: Date.now() }, refreshing: false });
      return 'done';
    } catch (err) {
      const refusal = noAnswer(err);
      setState((s) => ({ kind: 'unavailable', refusal, last: last(s) }));
      return 'done';
    } finally {
      busy.current = false;
    }
  }, [token, cssWidth]);

  useEffect(() => {
    ask.current = (trigger) => {
      if (!active || document.visibilityState !== 'visible') return;
      const at = nextShotAt(trigger, Date.now(), lastAsked.current, retryAt.current);
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(
        () => {
          timer.current = null;
          void take().then((r) => {
            if (r !== 'busy') ask.current(r === 'retry' ? 'tap' : 'auto');
          });
        },
        Math.max(0, at - Date.now()),
      );
    };
    ask.current('open');
    const onVisibility = () => {
      if (document.visibilityState === 'visible') ask.current('open');
      else if (timer.current !== null) {
        clearTimeout(timer.current);
        timer.current = null;
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      ask.current = () => undefined;
    };
  }, [active, take]);

  const shownSlide = useRef(slideKey);
  useEffect(() => {
    // Why: a new slide on screen is worth a new picture; the first one is taken on opening.
    if (slideKey === shownSlide.current) return;
    shownSlide.current = slideKey;
    ask.current('slide-change');
  }, [slideKey]);

  useEffect(
    () => () => {
      if (current.current !== null) URL.revokeObjectURL(current.current);
    },
    [],
  );

  return { state, refresh: useCallback(() => ask.current('tap'), []) };
}
