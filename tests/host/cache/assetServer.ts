import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAllowedNetworks } from '../../../src/host/cache/addressPolicy';
import type { FetchPolicy } from '../../../src/host/cache/fetchAsset';

const loopback = parseAllowedNetworks(['127.0.0.1']);

/** The fetch policy of tests against a loopback server: plain http there, 127.0.0.1 opted in like a venue's own server. */
export const LOOPBACK_POLICY: Partial<FetchPolicy> = {
  allowHttpLoopback: true,
  allowedNetworks: loopback.ok ? loopback.networks : [],
};

/** LOOPBACK_POLICY that also sends `https://assets.test/…` (what playlists hold) to `server`. */
export function routedTo(server: Pick<AssetServer, 'origin'>): Partial<FetchPolicy> {
  return {
    ...LOOPBACK_POLICY,
    route: (url) =>
      url.host === 'assets.test' ? new URL(`${url.pathname}${url.search}`, server.origin) : url,
  };
}

/** A route of the test asset server: a status, headers and a body, or a handler of its own. */
export type Route =
  | Readonly<{ status?: number; type?: string; body: Buffer | string; headers?: Record<string, string> }>
  | ((req: IncomingMessage, res: ServerResponse) => void);

/** A real HTTP server on 127.0.0.1 serving test assets; counts requests per path. */
export type AssetServer = Readonly<{
  origin: string;
  routes: Map<string, Route>;
  hits: Map<string, number>;
  /** TCP connections accepted so far (a refused fetch must not even connect). */
  connections(): number;
  url(path: string): string;
  close(): Promise<void>;
}>;

/** Starts an asset server on a free port of a loopback address (127.0.0.1 unless another of 127/8 is given). */
export async function startAssetServer(address = '127.0.0.1'): Promise<AssetServer> {
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
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const origin = `http://${address}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    routes,
    hits,
    connections: () => connections,
    url: (path) => `${origin}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
