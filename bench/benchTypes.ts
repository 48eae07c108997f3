/** One line of the `npm run bench` table: what was measured, its median, and optional detail (p95, goal, ratio). */
export interface BenchRow {
  readonly name: string;
  readonly median: string;
  readonly detail?: string;
}

/** What every `bench/*.bench.ts` file exports. */
export interface BenchModule {
  /** The section title in the table. */
  readonly title: string;
  run(): Promise<readonly BenchRow[]>;
}
