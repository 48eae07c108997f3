/** Closes one part: stops its timers, closes its sockets, flushes its files. May be async. */
export type Disposer = () => unknown;

/** Where a disposer that failed is reported (a pino logger's `error` fits). */
export type DisposeLog = (obj: Readonly<{ part: string; err: string }>, msg: string) => void;

/**
 * A stack of disposers (VS Code's DisposableStore idea): parts add theirs as they are created, and one
 * `dispose()` runs them in reverse order of creation, each awaited, so a part is always closed before
 * the parts it was built on. A disposer that throws is reported and the next one still runs.
 */
export class Lifetime {
  readonly #parts: { name: string; dispose: Disposer }[] = [];
  readonly #log: DisposeLog;
  #disposed: Promise<void> | null = null;

  /** A lifetime reporting failed disposers to `log` (default: stderr). */
  constructor(log?: DisposeLog) {
    this.#log = log ?? ((obj, msg) => process.stderr.write(`${msg}: ${obj.part}: ${obj.err}\n`));
  }

  /** Whether `dispose()` has been called. */
  get disposed(): boolean {
    return this.#disposed !== null;
  }

  /** Adds the disposer of the part `name`; after `dispose()` has begun, runs it at once instead. */
  add(name: string, dispose: Disposer): void {
    if (this.#disposed !== null) {
      void this.#run({ name, dispose });
      return;
    }
    this.#parts.push({ name, dispose });
  }

  /** Closes every part, last created first; idempotent (a second call returns the first call's promise). */
  dispose(): Promise<void> {
    this.#disposed ??= (async () => {
      for (let part = this.#parts.pop(); part !== undefined; part = this.#parts.pop()) await this.#run(part);
    })();
    return this.#disposed;
  }

  async #run(part: Readonly<{ name: string; dispose: Disposer }>): Promise<void> {
    try {
      await part.dispose();
    } catch (err) {
      this.#log({ part: part.name, err: String(err) }, 'a part failed to close');
    }
  }
}
