import { createReadStream } from 'node:fs';
import { basename, dirname } from 'node:path';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { CACHE_ROUTE } from '../src/host/cache/cacheRoute';
import { APP_SCHEME, RENDERER_ORIGIN } from '../src/host/kiosk/appOrigin';
import { type AppResponsePlan, type AppRoots, planAppRequest } from '../src/host/kiosk/appRequest';

/** Registers app:// as a privileged scheme; must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: false },
    },
  ]);
}

/**
 * Serves app:// from the renderer build and the playlist folder, as `planAppRequest` decides, and
 * `/cache/<encoded URL>` from the offline cache (`cachedFile`; only what is cached, never the network).
 */
export function handleAppScheme(
  roots: () => AppRoots,
  cachedFile: (urlPath: string) => Promise<string | null>,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const range = request.headers.get('range') ?? undefined;
    const path = cachePath(request.url);
    if (path === null)
      return toResponse(await planAppRequest({ url: request.url, method: request.method, range }, roots()));
    const file = await cachedFile(path);
    if (file === null) {
      return new Response(`not in the offline cache yet: ${path}\n`, {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
      });
    }
    // Why: the cached file is served as the only file of a root, so ranges, types and headers are app://'s own.
    const plan = await planAppRequest(
      { url: `${RENDERER_ORIGIN}/${encodeURIComponent(basename(file))}`, method: request.method, range },
      { renderer: dirname(file), media: null },
    );
    return toResponse(plan);
  });
}

/** The path of an app://renderer/cache/… request, or null for any other request. */
function cachePath(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host === 'renderer' && parsed.pathname.startsWith(CACHE_ROUTE) ? parsed.pathname : null;
  } catch {
    return null;
  }
}

function toResponse(plan: AppResponsePlan): Response {
  const body =
    plan.body === null
      ? null
      : (Readable.toWeb(
          createReadStream(plan.body.file, { start: plan.body.start, end: plan.body.end }),
        ) as ReadableStream);
  return new Response(body, { status: plan.status, headers: plan.headers });
}
