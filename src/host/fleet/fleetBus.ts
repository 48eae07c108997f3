import type { MqttClient } from 'mqtt';
import { topicMatches } from '../../core/channels/fleetTopics';

/** What other parts of the show (a wall) may do on the fleet link's bus: their own topics of the contract. */
export type FleetBus = Readonly<{
  connected(): boolean;
  /** Publishes when connected (dropped otherwise: callers publish state again on `onConnect`). */
  publish(topic: string, payload: unknown, options: Readonly<{ qos: 0 | 1; retain: boolean }>): void;
  /** Subscribes `filter` now and after every reconnect; `handler` gets each message's topic and text. */
  subscribe(filter: string, handler: (topic: string, payload: string) => void): () => void;
  /** Called after every (re)connect, once the link's own subscriptions are made. */
  onConnect(listener: () => void): () => void;
  /** Asks for the retained status to be published again (a part's section of it changed). */
  statusChanged(): void;
}>;

type Subscription = Readonly<{ filter: string; handler: (topic: string, payload: string) => void }>;

/** The parts' subscriptions and connect listeners on one link, carried over from client to client. */
export class BusExtensions {
  readonly #subscriptions = new Set<Subscription>();
  readonly #connectListeners = new Set<() => void>();
  #client: MqttClient | null = null;
  readonly #warn: (obj: object, msg: string) => void;

  constructor(warn: (obj: object, msg: string) => void) {
    this.#warn = warn;
  }

  /** The client now in use (the link replaces stuck ones). */
  use(client: MqttClient): void {
    this.#client = client;
  }

  subscribe(filter: string, handler: Subscription['handler']): () => void {
    const subscription = { filter, handler };
    this.#subscriptions.add(subscription);
    if (this.#client?.connected) this.#subscribeOn(this.#client, [filter]);
    return () => {
      this.#subscriptions.delete(subscription);
    };
  }

  onConnect(listener: () => void): () => void {
    this.#connectListeners.add(listener);
    return () => this.#connectListeners.delete(listener);
  }

  /** After a connect: the parts' subscriptions again, then their listeners. */
  connected(client: MqttClient): void {
    const filters = [...new Set([...this.#subscriptions].map((s) => s.filter))];
    if (filters.length > 0) this.#subscribeOn(client, filters);
    for (const listener of this.#connectListeners) listener();
  }

  /** Hands a message to every part whose filter matches; whether any did. */
  deliver(topic: string, payload: string): boolean {
    let taken = false;
    for (const s of this.#subscriptions) {
      if (!topicMatches(s.filter, topic)) continue;
      taken = true;
      try {
        s.handler(topic, payload);
      } catch (err) {
        this.#warn({ topic, err: String(err) }, 'fleet: a part could not handle a message');
      }
    }
    return taken;
  }

  #subscribeOn(client: MqttClient, filters: readonly string[]): void {
    client.subscribe([...filters], { qos: 1 }, (err) => {
      if (err) this.#warn({ filters, err: err.message }, 'fleet: a part could not subscribe');
    });
  }
}
