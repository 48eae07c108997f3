import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ShowView } from '../../core/view/showView';
import { createHostGuard } from './hostGuard';
import { serveStatic } from './staticFiles';

/** Options of `startPreviewServer`: the built renderer, the playlist folder and the views to hand out. */
export type PreviewServerOptions = Readonly<{
  rendererRoot: string;
  playlistDir: string;
  views: readonly ShowView[];
}>;

/** A running preview server. */
export type PreviewServer = Readonly<{ url: string; close: () => Promise<void> }>;

/**
 * A small loopback server for still pictures (`marquee render`, renderer tests): the built renderer at
 * `/`, the playlist folder at `/media/`, and `GET /api/preview` → `{ views }`. Nothing else, no sockets.
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const body = JSON.stringify({ views: options.views });
  const guard = createHostGuard({ listen: '127.0.0.1', allowedHosts: [] });
  const server: Server = createServer((req, res) => {
    if (!guard.admitRequest(req, res)) return;
    const path = new URL(req.url ?? '/', 'http://preview.invalid').pathname;
    const answer = async (): Promise<void> => {
      if (path === '/api/preview') {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(body);
        return;
      }
      const served = path.startsWith('/media/')
        ? await serveStatic(req, res, options.playlistDir, path.slice('/media'.length))
        : await serveStatic(req, res, options.rendererRoot, path);
      if (!served) {
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(`no file at ${path}\n`);
      }
    };
    answer().catch((err: unknown) => {
      if (!res.headersSent) res.statusCode = 500;
      res.end(`preview server: ${String(err)}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
