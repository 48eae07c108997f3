import { request } from 'node:http';
import WebSocket from 'ws';

/** What a server answered a request. */
export type RawAnswer = Readonly<{
  status: number;
  body: string;
  headers: Readonly<Record<string, unknown>>;
}>;

/** Sends one HTTP request to 127.0.0.1:`port` with exactly the given headers (a forged `Host` included). */
export function requestWithHost(
  port: number,
  path: string,
  headers: Readonly<Record<string, string>>,
  method = 'GET',
  body?: string,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          headers: res.headers,
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Opens a WebSocket to 127.0.0.1:`port``path` with a forged `Host`/`Origin`: "open", or the HTTP status of the refusal. */
export function upgradeWithHost(
  port: number,
  path: string,
  headers: Readonly<Record<string, string>>,
  protocols: readonly string[] = [],
): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, [...protocols], { headers });
    const timer = setTimeout(() => reject(new Error(`${path}: no answer to the upgrade`)), 5000);
    ws.once('open', () => {
      clearTimeout(timer);
      ws.terminate();
      resolve('open');
    });
    ws.once('unexpected-response', (req, res) => {
      clearTimeout(timer);
      res.resume();
      req.destroy();
      resolve(res.statusCode ?? 0);
    });
    ws.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** The headers a DNS-rebinding page sends: its own name as Host, and an Origin that matches it. */
export function rebindingHeaders(port: number): Readonly<Record<string, string>> {
  return { Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` };
}
