import {
  type FleetThumbnail,
  parseFleetPayload,
  FleetThumbnail as Schema,
} from '../../core/channels/fleetContract';

/** The screens' latest thumbnails as the hub holds them (in memory: they are retained on the broker too). */
export type ThumbnailStore = Readonly<{
  /** Takes a `…/screen/<screen>/thumbnail` payload; returns the problem with it, or null when kept. */
  receive(screen: string, topic: string, payload: string): string | null;
  /** When the latest thumbnail of `screen` was captured; null: none. */
  at(screen: string): number | null;
  /** The latest thumbnails captured after `since` (all for null), oldest first. */
  since(since: number | null): readonly FleetThumbnail[];
}>;

/** An empty store. An empty payload (the retained thumbnail cleared) forgets the screen's. */
export function createThumbnailStore(): ThumbnailStore {
  const latest = new Map<string, FleetThumbnail>();
  return {
    receive(screen, topic, payload) {
      if (payload === '') {
        latest.delete(screen);
        return null;
      }
      const read = parseFleetPayload(Schema, topic, payload);
      if (!read.ok) return read.message;
      if (read.value.screen !== screen) return `${topic}: names screen "${read.value.screen}"`;
      const old = latest.get(screen);
      if (old === undefined || old.at <= read.value.at) latest.set(screen, read.value);
      return null;
    },
    at: (screen) => latest.get(screen)?.at ?? null,
    since: (since) =>
      [...latest.values()].filter((t) => since === null || t.at > since).sort((a, b) => a.at - b.at),
  };
}
