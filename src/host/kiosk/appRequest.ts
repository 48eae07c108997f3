import { stat } from 'node:fs/promises';
import type { Playlist } from '../../core/playlist/types';
import { isReferencedMedia } from '../http/mediaAllowList';
import { contentTypeFor, parseRange, resolveContained } from '../http/staticFiles';
import { APP_SCHEME } from './appOrigin';
import { contentSecurityPolicy } from './csp';
import { assertNever } from '../../core/assertNever';

/**
 * What app:// serves: the built renderer, and under `/media/` the files the playlist references from its
 * folder (null: none loaded). Why: the folder may hold playlist.json, notes or anything else of the organisers'.
 */
export type AppRoots = Readonly<{
  renderer: string;
  media: Readonly<{ dir: string; playlist: Playlist }> | null;
}>;

/** The allow-list of each playlist, computed once (the same list browser mode's `/media/` uses). */
const referenced = new WeakMap<Playlist, ReadonlySet<string>>();

/** The part of a request the planner looks at. */
export type AppRequest = Readonly<{ url: string; method: string; range?: string | undefined }>;

/** What to answer an app:// request with: a status, headers, and which bytes of which file (if any). */
export type AppResponsePlan = Readonly<{
  status: 200 | 206 | 400 | 404 | 405 | 416;
  headers: Readonly<Record<string, string>>;
  body: Readonly<{ file: string; start: number; end: number }> | null;
}>;

/**
 * Decides how to answer a request on the app:// scheme: only the `renderer` host; `/media/…` from the
 * playlist's folder when the playlist references that file (`isReferencedMedia`), everything else from the renderer build; paths contained by `resolveContained`
 * (no `..`, encoded escapes or symlinks out); single byte ranges as 206, impossible ones as 416.
 * Every answer carries the kiosk CSP and `nosniff`.
 */
export async function planAppRequest(request: AppRequest, roots: AppRoots): Promise<AppResponsePlan> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refuse(400);
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'renderer' || url.username || url.password) {
    return refuse(400);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);

  const route = routeFor(url.pathname, roots);
  if (route === null) return refuse(404);
  const file = await resolveContained(route.root, route.path);
  if (file === null) return refuse(404);
  const size = (await stat(file)).size;

  const headers = {
    ...baseHeaders(),
    'Content-Type': contentTypeFor(file),
    'Accept-Ranges': 'bytes',
  };
  const range = parseRange(request.range, size);
  const withBody = (start: number, end: number) =>
    request.method === 'HEAD' || end < start ? null : { file, start, end };
  switch (range.kind) {
    case 'full':
      return {
        status: 200,
        headers: { ...headers, 'Content-Length': String(size) },
        body: withBody(0, size - 1),
      };
    case 'partial':
      return {
        status: 206,
        headers: {
          ...headers,
          'Content-Length': String(range.end - range.start + 1),
          'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
        },
        body: withBody(range.start, range.end),
      };
    case 'unsatisfiable':
      return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` }, body: null };
    default:
      return assertNever(range);
  }
}

/** Which root and path inside it a URL path maps to; null when it names nothing servable. */
function routeFor(pathname: string, roots: AppRoots): Readonly<{ root: string; path: string }> | null {
  if (pathname === '/media' || pathname.startsWith('/media/')) {
    const path = pathname.slice('/media'.length);
    if (roots.media === null || !isReferencedMedia(roots.media.playlist, path.slice(1), referenced))
      return null;
    return { root: roots.media.dir, path };
  }
  return { root: roots.renderer, path: pathname === '/' ? '/index.html' : pathname };
}

function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy('electron'),
    'X-Content-Type-Options': 'nosniff',
    // Why: staff replace media under the same name; the kiosk must never show a stale copy.
    'Cache-Control': 'no-cache',
  };
}

function refuse(status: 400 | 404 | 405): AppResponsePlan {
  return { status, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }, body: null };
}
