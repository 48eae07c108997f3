// Loaded with `node --require` into Electron's own installer (node_modules/electron/install.js) by fetch.mjs.
// It changes nothing about the download: it wraps the global `fetch` that @electron/get uses and reports each
// request, answer, byte count and network error as one JSON line on the file descriptor named by
// MARQUEE_FETCH_REPORT_FD, so `npm start` can show progress and give up on a server that stops answering.
const { writeSync } = require('node:fs');

const fd = Number(process.env.MARQUEE_FETCH_REPORT_FD);
/** How often a running download reports its byte count, in ms. */
const PROGRESS_EVERY_MS = 200;

/** @param {Record<string, unknown>} event */
function report(event) {
  try {
    writeSync(fd, `${JSON.stringify(event)}\n`);
  } catch {
    // Why: the report is only for the progress display; a closed pipe must never break the installer.
  }
}

/**
 * What went wrong in one sentence: fetch() rejects with "fetch failed" and puts the socket error in `cause`
 * (an AggregateError when every address of the host refused).
 * @param {unknown} err
 * @returns {string}
 */
function describe(err) {
  if (!(err instanceof Error)) return String(err);
  const cause = /** @type {{ cause?: unknown }} */ (err).cause;
  if (cause instanceof AggregateError && cause.errors[0] instanceof Error) return cause.errors[0].message;
  if (cause instanceof Error && cause.message !== '') return cause.message;
  return err.message;
}

if (Number.isInteger(fd) && fd > 2 && typeof globalThis.fetch === 'function') {
  const realFetch = globalThis.fetch;
  /** @type {typeof fetch} */
  const reportingFetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    report({ event: 'request', url });
    let response;
    try {
      response = await realFetch(input, init);
    } catch (err) {
      report({ event: 'error', url, message: describe(err) });
      throw err;
    }
    const length = Number(response.headers.get('content-length'));
    const total = Number.isFinite(length) && length > 0 ? length : null;
    report({ event: 'response', url, status: response.status, statusText: response.statusText, total });
    if (!response.ok || response.body === null) return response;
    const reader = response.body.getReader();
    let transferred = 0;
    let reportedAt = 0;
    const body = new ReadableStream({
      async pull(controller) {
        try {
          const chunk = await reader.read();
          if (chunk.done) {
            report({ event: 'end', url, transferred, total });
            controller.close();
            return;
          }
          transferred += chunk.value.byteLength;
          const now = Date.now();
          if (now - reportedAt >= PROGRESS_EVERY_MS) {
            reportedAt = now;
            report({ event: 'progress', url, transferred, total });
          }
          controller.enqueue(chunk.value);
        } catch (err) {
          report({ event: 'error', url, message: describe(err) });
          controller.error(err);
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
    const counted = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    Object.defineProperty(counted, 'url', { value: response.url });
    return counted;
  };
  globalThis.fetch = reportingFetch;
}
