import type { MqttClient } from 'mqtt';

/** How many reconnect periods a client may stay disconnected without trying before it is replaced. */
export const STUCK_PERIODS = 3;

/**
 * Notices an MQTT client whose automatic reconnect stopped (seen in MQTT.js: zigbee2mqtt#33150): it has
 * been disconnected and has not attempted a reconnect for `STUCK_PERIODS` reconnect periods plus a connect
 * timeout. Time is injected.
 */
export class ReconnectWatchdog {
  readonly #now: () => number;
  #period: number;
  /** The last sign of life while disconnected (the disconnect, or a reconnect attempt); null: connected. */
  #lastSign: number | null;

  constructor(options: Readonly<{ now: () => number; periodMs: number }>) {
    this.#now = options.now;
    this.#period = options.periodMs;
    this.#lastSign = options.now();
  }

  connected(): void {
    this.#lastSign = null;
  }

  disconnected(): void {
    this.#lastSign ??= this.#now();
  }

  attempted(): void {
    if (this.#lastSign !== null) this.#lastSign = this.#now();
  }

  /** The client's current reconnect period (it backs off). */
  periodIs(periodMs: number): void {
    this.#period = periodMs;
  }

  /** A new client was made: it gets a full grace period. */
  replaced(): void {
    this.#lastSign = this.#now();
  }

  /** Whether the client should be replaced now. */
  stuck(connectTimeoutMs: number): boolean {
    if (this.#lastSign === null) return false;
    return this.#now() - this.#lastSign > STUCK_PERIODS * this.#period + connectTimeoutMs;
  }
}

/** How `superviseClient` makes and watches a client. */
export type SupervisedClientOptions = Readonly<{
  /** Makes a new client (`mqtt.connect`) with its own listeners (message, connect …); called again for a replacement. */
  connect(): MqttClient;
  now: () => number;
  /** First reconnect wait, ms; doubles on every close up to `maxReconnectMs`, back to this on connect. */
  reconnectMs: number;
  maxReconnectMs: number;
  /** How long one connection attempt may take, ms (the client's `connectTimeout`). */
  connectTimeoutMs: number;
  /** Told after a client that had stopped reconnecting was replaced (how many so far). */
  onReplace?: (replaced: number) => void;
}>;

/** A client kept alive: the one in use now (it changes on a replacement), and how often it was replaced. */
export type SupervisedClient = Readonly<{
  current(): MqttClient;
  replacements(): number;
  /** Stops watching (the current client stays; end it yourself). */
  stop(): void;
}>;

/**
 * Keeps an MQTT client connected and quick (TCP_NODELAY on its socket): reconnects back off (so 200 screens do not hammer a broker that is coming
 * back) and a `ReconnectWatchdog` replaces a client whose reconnects stopped. Used by every screen's fleet
 * link and by the hub's own controller.
 */
export function superviseClient(options: SupervisedClientOptions): SupervisedClient {
  const base = options.reconnectMs;
  const watchdog = new ReconnectWatchdog({ now: options.now, periodMs: base });
  const make = (): MqttClient => {
    const next = options.connect();
    next.on('connect', () => {
      // Why: MQTT's small packets (PUBACK, then a reply) otherwise wait for Nagle + delayed ACK, ~40 ms each.
      (next.stream as { setNoDelay?: (on: boolean) => unknown }).setNoDelay?.(true);
      next.options.reconnectPeriod = base;
      watchdog.periodIs(base);
      watchdog.connected();
    });
    next.on('close', () => {
      watchdog.disconnected();
      next.options.reconnectPeriod = Math.min(
        options.maxReconnectMs,
        (next.options.reconnectPeriod ?? base) * 2,
      );
      watchdog.periodIs(next.options.reconnectPeriod);
    });
    next.on('reconnect', () => watchdog.attempted());
    return next;
  };
  let client = make();
  let replaced = 0;
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped || !watchdog.stuck(options.connectTimeoutMs)) return;
    replaced += 1;
    const old = client;
    old.removeAllListeners();
    old.on('error', () => undefined);
    old.end(true);
    watchdog.replaced();
    client = make();
    options.onReplace?.(replaced);
  }, base);
  timer.unref();
  return {
    current: () => client,
    replacements: () => replaced,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
