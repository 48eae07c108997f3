import type { NetworkInterfaceInfo } from 'node:os';

/**
 * The address staff open on their phones: the listen host, or for 0.0.0.0 / :: the first LAN IPv4
 * address of this machine; the token rides in the fragment, which browsers never send to a server.
 */
export function remoteUrl(
  listen: Readonly<{ host: string; port: number }>,
  token: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
  secure = false,
): string {
  return `${secure ? 'https' : 'http'}://${lanHost(listen.host, interfaces)}:${listen.port}/remote/#token=${encodeURIComponent(token)}`;
}

/** The host part of a URL other machines open: the listen host, or for 0.0.0.0 / :: the first LAN IPv4 address. */
export function lanHost(listenHost: string, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string {
  let host = listenHost;
  if (host === '0.0.0.0' || host === '::' || host === '') {
    const lan = Object.values(interfaces)
      .flatMap((list) => list ?? [])
      .find((i) => i.family === 'IPv4' && !i.internal);
    host = lan?.address ?? '127.0.0.1';
  }
  return host.includes(':') ? `[${host}]` : host;
}
