import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { withFirstView } from '../../core/channels/firstView';
import type { HostToRenderer } from '../../core/channels/rendererChannel';
import type { ShowView } from '../../core/view/showView';

/** What the kiosk page needs from the show: the view to inline as its first slide. */
export type PageHost = Readonly<{ getView: () => ShowView }>;

const readPage = (rendererRoot: string): Promise<string | null> =>
  readFile(`${rendererRoot}/index.html`, 'utf8').catch(() => null);

function pageHeaders(res: ServerResponse): void {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
}

/** `html` (or its tail from `</head>`) with the show's current view inlined (see `withFirstView`). */
function withView(html: string, host: PageHost): string {
  const view = host.getView();
  return withFirstView(html, view, JSON.stringify({ type: 'show', view } satisfies HostToRenderer));
}

/** Answers with the kiosk page, its first slide inlined; false when the page is not built. */
export async function servePage(res: ServerResponse, rendererRoot: string, host: PageHost): Promise<boolean> {
  const html = await readPage(rendererRoot);
  if (html === null) return false;
  pageHeaders(res);
  res.end(withView(html, host));
  return true;
}

/** The kiosk page while the show is starting (see `createEarlyPage`). */
export type EarlyPage = Readonly<{
  /**
   * Sends the page up to `</head>` now (its script, module preloads and style sheet: the browser fetches and
   * compiles them meanwhile) and the rest once the show has started, with its first slide inlined, or the reason
   * it did not. False when the page is not built or has no head (nothing sent: answer it the ordinary way).
   */
  page: (res: ServerResponse) => Promise<boolean>;
  /** Settles when the show has started or failed to. */
  started: Promise<void>;
  start: (host: PageHost) => void;
  fail: (message: string) => void;
  /** Why the show did not start ('' before it failed). */
  failure: () => string;
}>;

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The end of a kiosk page whose show did not start: the reason, large and centred on the screen (the renderer's
 * style sheet, already sent with the head, has `.start-failed`), in the venue's languages, so a technician sees it
 * from the floor; the host's terminal has the details.
 */
function startFailedBody(reason: string): string {
  return (
    '</head><body><main class="start-failed">' +
    '<h1 lang="zh">演出未能开始</h1><h2 lang="en">The show could not start</h2>' +
    `<p lang="en">${escapeHtml(reason)}</p>` +
    '<p lang="zh">请查看运行 marquee serve 的终端，修正后重新启动。</p>' +
    '</main></body></html>\n'
  );
}

/** The kiosk page of a server that listens before its show has started. */
export function createEarlyPage(rendererRoot: string): EarlyPage {
  let host: PageHost | null = null;
  let failure = '';
  let settle: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    settle = resolve;
  });
  return {
    started,
    start: (h) => {
      host = h;
      settle();
    },
    fail: (message) => {
      failure = message;
      settle();
    },
    failure: () => failure,
    page: async (res) => {
      const html = await readPage(rendererRoot);
      const at = html?.indexOf('</head>') ?? -1;
      if (html === null || at < 0) return false;
      pageHeaders(res);
      res.write(html.slice(0, at));
      await started;
      const shown = host;
      res.end(shown === null ? startFailedBody(failure) : withView(html.slice(at), shown));
      return true;
    },
  };
}
