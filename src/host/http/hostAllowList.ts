import { isIP } from 'node:net';

/** A `Host` value as a server compares it: an IP address (IPv6 without brackets, IPv4-mapped as IPv4) or a name. */
export type HostTarget =
  | Readonly<{ kind: 'ip'; address: string; port: number | null }>
  | Readonly<{ kind: 'name'; name: string; port: number | null }>;

/** Which `Host` values a server answers (see `classifyHost`). */
export type HostPolicy = Readonly<{
  /** The address or name the server listens on; `0.0.0.0` or `::` stand for every address of the machine. */
  listen: string;
  /** Names or addresses of the `allowedHosts` setting; an entry starting with "." also allows its subdomains. */
  allowedHosts: readonly string[];
  /** The machine's own addresses, answered when the server listens on every address. */
  localAddresses: readonly string[];
}>;

/** Whether a request's `Host` is one the server serves, and why. */
export type HostVerdict =
  | Readonly<{ ok: true; why: 'no-host' | 'loopback' | 'listen-address' | 'local-address' | 'allowed-host' }>
  | Readonly<{ ok: false; why: 'malformed' | 'not-served' }>;

const HOST_SHAPE = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::(\d{0,5}))?$/;
const WILDCARDS: ReadonlySet<string> = new Set(['0.0.0.0', '::']);

/**
 * Reads a `Host` header the way a browser's URL parser does: lower case, IPv6 compressed (in brackets),
 * odd IPv4 forms (`0x7f000001`, `127.1`, `0177.0.0.1`) as dotted quads, one trailing dot dropped from
 * a name. Null for anything that is not a plain host[:port].
 */
export function parseHost(text: string): HostTarget | null {
  const m = HOST_SHAPE.exec(text);
  if (m === null || m[1] === undefined) return null;
  const port = m[2] === undefined || m[2] === '' ? null : Number(m[2]);
  if (port !== null && port > 65535) return null;
  let hostname: string;
  try {
    hostname = new URL(`http://${m[1]}/`).hostname;
  } catch {
    return null;
  }
  if (hostname.startsWith('[')) return { kind: 'ip', address: unmapIpv4(hostname.slice(1, -1)), port };
  if (isIP(hostname) === 4) return { kind: 'ip', address: hostname, port };
  const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  const labels = name.split('.');
  if (name.length > 253 || labels.some((label) => label.length === 0 || label.length > 63)) return null;
  return { kind: 'name', name, port };
}

/** Reads a configured address or name (a listen address, an interface address, an allowedHosts entry): IPv6 may be bare. */
export function parseConfiguredHost(text: string): HostTarget | null {
  return parseHost(isIP(text) === 6 ? `[${text}]` : text);
}

/**
 * Decides whether a server answers a request with this `Host` header. Why: a DNS-rebinding page reaches
 * a loopback server under its own name, which only the Host header shows. Served: loopback names
 * (`localhost`, `*.localhost`) and addresses, the address the server listens on (any of the machine's
 * addresses when it listens on all of them) and the names in `allowedHosts`. No Host at all (HTTP/1.0)
 * cannot come from a browser and is answered. The port is not compared (proxies and port forwards change it).
 */
export function classifyHost(header: string | undefined, policy: HostPolicy): HostVerdict {
  if (header === undefined || header === '') return { ok: true, why: 'no-host' };
  const target = parseHost(header);
  if (target === null) return { ok: false, why: 'malformed' };
  if (isLoopback(target)) return { ok: true, why: 'loopback' };
  const listen = parseConfiguredHost(policy.listen);
  if (listen !== null && sameHost(listen, target)) return { ok: true, why: 'listen-address' };
  if (listen?.kind === 'ip' && WILDCARDS.has(listen.address) && target.kind === 'ip') {
    if (policy.localAddresses.some((a) => sameHost(parseConfiguredHost(a), target)))
      return { ok: true, why: 'local-address' };
  }
  if (policy.allowedHosts.some((entry) => allowedBy(entry, target))) return { ok: true, why: 'allowed-host' };
  return { ok: false, why: 'not-served' };
}

/** Whether the host is a loopback name or address (127.0.0.0/8, ::1, and IPv4-mapped loopback). */
export function isLoopback(target: HostTarget): boolean {
  if (target.kind === 'name') return target.name === 'localhost' || target.name.endsWith('.localhost');
  return target.address === '::1' || (isIP(target.address) === 4 && target.address.startsWith('127.'));
}

/**
 * Whether an `Origin` header names the same host and port as the `Host` header (a page of this server),
 * compared as a browser would (case, trailing dot, default port). A client without Origin is no browser page.
 */
export function originMatchesHost(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const a = parseHost(url.host);
  const b = parseHost(host ?? '');
  if (a === null || b === null || !sameHost(a, b)) return false;
  const defaultPort = url.protocol === 'https:' ? 443 : 80;
  return (a.port ?? defaultPort) === (b.port ?? defaultPort);
}

/** Whether an address or name as configured or seen on a socket (`127.0.0.1`, `::1`, `::ffff:127.0.0.1`, `localhost`) is loopback. */
export function isLoopbackHost(address: string): boolean {
  const target = parseConfiguredHost(address);
  return target?.kind === 'ip' && isLoopback(target);
}

function sameHost(a: HostTarget | null, b: HostTarget): boolean {
  if (a === null) return false;
  if (a.kind === 'ip') return b.kind === 'ip' && a.address === b.address;
  return b.kind === 'name' && a.name === b.name;
}

function allowedBy(entry: string, target: HostTarget): boolean {
  if (entry.startsWith('.') && target.kind === 'name') {
    const suffix = parseConfiguredHost(entry.slice(1));
    return (
      suffix?.kind === 'name' && (target.name === suffix.name || target.name.endsWith(`.${suffix.name}`))
    );
  }
  return sameHost(parseConfiguredHost(entry), target);
}

/** `::ffff:7f00:1` → `127.0.0.1`: an IPv4-mapped IPv6 address is the IPv4 address it carries. */
function unmapIpv4(address: string): string {
  const m = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (m === null || m[1] === undefined || m[2] === undefined) return address;
  const high = Number.parseInt(m[1], 16);
  const low = Number.parseInt(m[2], 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}
