import type { NetworkInterfaceInfo } from 'node:os';

/**
 * The address staff open on their phones: the listen host, or for 0.0.0.0 / :: the first LAN IPv4
 * address of this machine; the token rides in the fragment, which browsers never send to a server.
 */
export function remoteUrl(
  listen: Readonly<{ host: string; port: number }>,
  token: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
): string {
  let host = listen.host;
  if (host === '0.0.0.0' || host === '::' || host === '') {
    const lan = Object.values(interfaces)
      .flatMap((list) => list ?? [])
      .find((i) => i.family === 'IPv4' && !i.internal);
    host = lan?.address ?? '127.0.0.1';
  }
  const shown = host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${listen.port}/remote/#token=${encodeURIComponent(token)}`;
}
