import { createContext, useContext, useEffect, useState } from 'react';

/** How the page's clock maps to the host's: host time = Date.now() + offsetMs; frozen at `frozenAt` when set. */
export type Clock = Readonly<{ offsetMs: number; frozenAt: number | null }>;

/** The clock of the page, corrected by the host's `view.now`. */
export const ClockContext = createContext<Clock>({ offsetMs: 0, frozenAt: null });

/** The host's time now (ms), re-rendering every `everyMs`, on the tick. */
export function useNow(everyMs = 1000): number {
  const clock = useContext(ClockContext);
  const read = (): number => clock.frozenAt ?? Date.now() + clock.offsetMs;
  const [now, setNow] = useState(read);
  useEffect(() => {
    if (clock.frozenAt !== null) {
      setNow(clock.frozenAt);
      return;
    }
    let timer = 0;
    const tick = (): void => {
      const t = Date.now() + clock.offsetMs;
      setNow(t);
      timer = window.setTimeout(tick, everyMs - (t % everyMs) + 5);
    };
    tick();
    return () => window.clearTimeout(timer);
  }, [clock.offsetMs, clock.frozenAt, everyMs]);
  return now;
}
