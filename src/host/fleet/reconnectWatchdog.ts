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
