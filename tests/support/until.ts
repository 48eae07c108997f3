/** Polls `check` every 10 ms until it holds; rejects after `ms` (default 3 s). */
export async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting (${ms} ms)`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
