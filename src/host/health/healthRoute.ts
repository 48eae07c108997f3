import type { RouteHandler } from '../http/server';
import type { Health } from '../../core/channels/healthContract';

/** The path health is answered at, on the kiosk server and the LAN API alike. */
export const HEALTH_PATH = '/api/health';

/** A kiosk-server route answering `GET /api/health` (no token: health names no secrets) with `health()`. */
export function healthRoute(health: () => Health): RouteHandler {
  return (req, res, url) => {
    if (url.pathname !== HEALTH_PATH) return false;
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`${HEALTH_PATH} accepts GET only (got ${req.method ?? '?'})\n`);
      return true;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify(health()));
    return true;
  };
}
