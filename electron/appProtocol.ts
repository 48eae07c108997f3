import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { type AppResponsePlan, type AppRoots, planAppRequest } from '../src/host/kiosk/appRequest';
import { APP_SCHEME } from '../src/host/kiosk/appOrigin';

/** Registers app:// as a privileged scheme; must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: false },
    },
  ]);
}

/** Serves app:// from the renderer build and the playlist folder, as `planAppRequest` decides. */
export function handleAppScheme(roots: () => AppRoots): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const plan = await planAppRequest(
      { url: request.url, method: request.method, range: request.headers.get('range') ?? undefined },
      roots(),
    );
    return toResponse(plan);
  });
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
