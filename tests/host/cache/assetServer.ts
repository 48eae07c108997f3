import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route of the test asset server: a status, headers and a body, or a handler of its own. */
export type Route =
  | Readonly<{ status?: number; type?: string; body: Buffer | string; headers?: Record<string, string> }>
  | ((req: IncomingMessage, res: ServerResponse) => void);

/** A real HTTP server on 127.0.0.1 serving test assets; counts requests per path. */
export type AssetServer = Readonly<{
  origin: string;
  routes: Map<string, Route>;
  hits: Map<string, number>;
  url(path: string): string;
  close(): Promise<void>;
}>;

/** Starts an asset server on a free loopback port. */
export async function startAssetServer(): Promise<AssetServer> {
  const routes = new Map<string, Route>();
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (route === undefined) {
      res.statusCode = 404;
      res.end('no such test asset');
      return;
    }
    if (typeof route === 'function') {
      route(req, res);
      return;
    }
    res.statusCode = route.status ?? 200;
    if (route.type !== undefined) res.setHeader('Content-Type', route.type);
    for (const [k, v] of Object.entries(route.headers ?? {})) res.setHeader(k, v);
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    routes,
    hits,
    url: (path) => `${origin}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
