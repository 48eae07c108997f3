import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseScreenshotQuery } from '../../core/control/screenshotQuery';
import { errorReply, refusalBody } from '../../core/control/replies';
import { assertNever } from '../../core/assertNever';
import { sendJson } from '../http/httpJson';
import type { Screenshots } from '../screen/screenshots';
import { RateLimiter } from './rateLimiter';

/** One screenshot a second per client unless the `screenshotsPerMinute` setting says otherwise. */
export const DEFAULT_SCREENSHOTS_PER_MINUTE = 60;

/** Answers `GET /api/screenshot` (the token is checked before): one request. */
export type ScreenshotRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  client: string,
) => Promise<void>;

/**
 * `GET /api/screenshot?display=N&format=jpeg|png&width=W`: the picture on a display, at most
 * `perMinute` a minute per client (429 with Retry-After beyond), 400 for a bad query or display number,
 * 503 with the reason (its code: `screen-not-seen`, `screen-starting`, `capture-failed`) when there is no picture.
 */
export function screenshotRoute(
  screenshots: Screenshots,
  perMinute: number = DEFAULT_SCREENSHOTS_PER_MINUTE,
  now: () => number = Date.now,
): ScreenshotRoute {
  const limiter = new RateLimiter({ capacity: 1, refillPerSecond: perMinute / 60 }, now);
  return async (req, res, url, client) => {
    const limited = limiter.take(client);
    if (!limited.allowed) {
      const seconds = Math.max(1, Math.ceil(limited.retryAfterMs / 1000));
      sendJson(
        res,
        429,
        errorReply(
          null,
          'rate-limited',
          `at most ${perMinute} screenshots a minute per client (the screenshotsPerMinute setting); try again in ${seconds} s`,
        ),
        { 'Retry-After': String(seconds) },
      );
      return;
    }
    const parsed = parseScreenshotQuery(url.searchParams, req.headers.accept);
    if (!parsed.ok) {
      sendJson(res, 400, errorReply(null, 'bad-argument', `/api/screenshot: ${parsed.message}`));
      return;
    }
    const answer = await screenshots.take(parsed.query);
    switch (answer.kind) {
      case 'bad-request':
        sendJson(res, 400, errorReply(null, 'bad-argument', `/api/screenshot: ${answer.message}`));
        return;
      case 'unavailable':
        sendJson(res, 503, refusalBody(answer.code, answer.message));
        return;
      case 'image': {
        const { shot } = answer;
        res.writeHead(200, {
          'Content-Type': shot.format === 'png' ? 'image/png' : 'image/jpeg',
          'Content-Length': String(shot.bytes.length),
          'Cache-Control': 'private, max-age=1',
          'X-Marquee-Display': String(shot.display),
          'X-Marquee-Taken-At': String(shot.takenAt),
        });
        res.end(req.method === 'HEAD' ? undefined : shot.bytes);
        return;
      }
      default:
        assertNever(answer);
    }
  };
}
