import { useEffect, useState } from 'react';
import { ThumbnailsSnapshot } from '../core/channels/hubApiContract';

/** How often the fleet remote asks the hub for thumbnails newer than the ones it has (screens publish every minute). */
export const THUMBNAILS_POLL_MS = 15_000;

/** The picture of one screen: a data: URL of its JPEG and when the screen captured it. */
export type Thumb = Readonly<{ src: string; at: number; width: number; height: number }>;

/**
 * The screens' thumbnails: one request every 15 s for those captured since the last answer
 * (`GET /api/fleet/thumbnails?since=…`), so a phone on venue Wi-Fi fetches each picture once.
 */
export function useThumbnails(token: string | null): ReadonlyMap<string, Thumb> {
  const [thumbs, setThumbs] = useState<ReadonlyMap<string, Thumb>>(new Map());
  useEffect(() => {
    if (token === null) return;
    let live = true;
    let since: number | null = null;
    const poll = async (): Promise<void> => {
      try {
        const res = await fetch(`../api/fleet/thumbnails${since === null ? '' : `?since=${since}`}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        const parsed = ThumbnailsSnapshot.safeParse(await res.json());
        if (!live || !parsed.success) return;
        // Why: the next request asks only for what is newer than the newest picture held (screen clocks).
        for (const t of parsed.data.thumbnails) since = Math.max(since ?? 0, t.at);
        if (parsed.data.thumbnails.length === 0) return;
        setThumbs((old) => {
          const next = new Map(old);
          for (const t of parsed.data.thumbnails)
            next.set(t.screen, {
              src: `data:image/jpeg;base64,${t.jpeg}`,
              at: t.at,
              width: t.width,
              height: t.height,
            });
          return next;
        });
      } catch {
        // The presence poll says when the hub is unreachable; the last pictures stay.
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), THUMBNAILS_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [token]);
  return thumbs;
}
