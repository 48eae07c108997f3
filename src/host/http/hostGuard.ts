import type { IncomingMessage, ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import { classifyHost, type HostPolicy } from './hostAllowList';

/** Options of `createHostGuard`. */
export type HostGuardOptions = Readonly<{
  /** The address the server listens on (`0.0.0.0`/`::`: every address of the machine). */
  listen: string;
  /** The `allowedHosts` setting. */
  allowedHosts: readonly string[];
  /** Where refusals are reported (once per Host value, up to a few dozen). */
  logger?: Readonly<{ warn: (details: object, message: string) => void }>;
  /** The machine's addresses; default: from `os.networkInterfaces()`, read again when a Host misses. */
  localAddresses?: () => readonly string[];
}>;

/** Refuses requests and WebSocket upgrades whose `Host` the server does not serve (DNS rebinding). */
export type HostGuard = Readonly<{
  /** True when the request may go on; otherwise it has been answered 421 with no body. */
  admitRequest(req: IncomingMessage, res: ServerResponse): boolean;
  /** True when the upgrade may go on; otherwise the socket has been answered 421 and closed. */
  admitUpgrade(req: IncomingMessage, socket: Duplex): boolean;
}>;

/** Distinct refused Host values logged; later ones are refused silently. */
const LOGGED_LIMIT = 32;
/** How often the machine's addresses may be read again on a miss (DHCP may change them). */
const REFRESH_MS = 1000;

/** The Host allow-list of one server (kiosk port, LAN API, fleet hub), as a request and an upgrade check. */
export function createHostGuard(options: HostGuardOptions): HostGuard {
  const readAddresses = options.localAddresses ?? machineAddresses;
  let addresses = readAddresses();
  let readAt = Date.now();
  const logged = new Set<string>();
  const policy = (): HostPolicy => ({
    listen: options.listen,
    allowedHosts: options.allowedHosts,
    localAddresses: addresses,
  });

  const admit = (req: IncomingMessage): boolean => {
    const host = req.headers.host;
    let verdict = classifyHost(host, policy());
    if (!verdict.ok && verdict.why === 'not-served' && Date.now() - readAt >= REFRESH_MS) {
      addresses = readAddresses();
      readAt = Date.now();
      verdict = classifyHost(host, policy());
    }
    if (verdict.ok) return true;
    const shown = String(host).slice(0, 100);
    if (options.logger && logged.size < LOGGED_LIMIT && !logged.has(shown)) {
      logged.add(shown);
      options.logger.warn(
        { host: shown, peer: req.socket.remoteAddress, why: verdict.why },
        `refused a request for Host "${shown}" (421): add the name to the allowedHosts setting if it is this machine's`,
      );
    }
    return false;
  };

  return {
    admitRequest(req, res) {
      if (admit(req)) return true;
      res.writeHead(421, { 'Content-Length': '0', Connection: 'close' }).end();
      return false;
    },
    admitUpgrade(req, socket) {
      if (admit(req)) return true;
      socket.end('HTTP/1.1 421 Misdirected Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return false;
    },
  };
}

function machineAddresses(): readonly string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((info) => info.address);
}
