// The download progress `npm start` prints while Electron's installer fetches the binary: the URL once, then the
// share received, rewritten in place on a terminal and one line per tenth in a log.

/**
 * @typedef {Readonly<{ isTTY?: boolean, write(text: string): unknown }>} Output
 */

/**
 * Bytes as megabytes with one decimal (Electron's download is about 100 MB), kilobytes below one megabyte.
 * @param {number} bytes
 */
export function byteSize(bytes) {
  return bytes < 1_000_000 ? `${Math.ceil(bytes / 1000)} kB` : `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/**
 * What has arrived so far: "34% of 108.2 MB", or "12.0 MB" when the server did not say how much is coming.
 * @param {number} transferred
 * @param {number | null} total
 */
export function progressText(transferred, total) {
  if (total === null) return byteSize(transferred);
  return `${Math.min(100, Math.floor((transferred / total) * 100))}% of ${byteSize(total)}`;
}

/**
 * The step a log line is printed at: each tenth of a known size, each 10 MB of an unknown one.
 * @param {number} transferred
 * @param {number | null} total
 */
function step(transferred, total) {
  return total === null ? Math.floor(transferred / 10_000_000) : Math.floor((transferred / total) * 10);
}

/**
 * A listener for fetch.mjs's events that prints the progress of the zip download (SHASUMS256.txt stays quiet),
 * and `finish()`, which ends a progress line left open on a terminal.
 * @param {Output} out
 * @returns {Readonly<{ onEvent: (event: import('./fetchState.mjs').FetchEvent) => void, finish: () => void }>}
 */
export function progressPrinter(out) {
  let lastStep = -1;
  let lastText = '';
  let lineOpen = false;
  const finish = () => {
    if (lineOpen) out.write('\n');
    lineOpen = false;
  };
  /** @param {import('./fetchState.mjs').FetchEvent} event */
  const onEvent = (event) => {
    if (!event.url.endsWith('.zip')) return;
    if (event.event === 'request') {
      lastStep = -1;
      lastText = '';
      out.write(`Downloading ${event.url}\n`);
    } else if (event.event === 'progress' || event.event === 'end') {
      const text = `  ${progressText(event.transferred, event.total)}`;
      if (out.isTTY) {
        out.write(`\r${text}\x1b[K`);
        lineOpen = true;
        if (event.event === 'end') finish();
        return;
      }
      const now = step(event.transferred, event.total);
      if (now > lastStep || (event.event === 'end' && text !== lastText)) {
        out.write(`${text}\n`);
        lastText = text;
      }
      lastStep = Math.max(lastStep, now);
    } else if (event.event === 'error') finish();
  };
  return { onEvent, finish };
}
