import { promises as dns } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { Agent } from 'undici';
import { type AllowedNetworks, classifyAddress, refuseAddress } from './addressPolicy';

/** One address a host name resolves to. */
export type ResolvedAddress = Readonly<{ address: string; family: number }>;

/** Resolves a host name to every address it has (the system resolver; tests fake the answer). */
export type Resolve = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The system resolver, as `getaddrinfo` answers (hosts file included). */
export const systemResolve: Resolve = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** A connection the address policy refused; its message says which address and why. */
export class RefusedAddressError extends Error {}

/**
 * Why a URL's host, when it is written as an IP address (in any form), may not be fetched, or null.
 * Host names are checked later, at connect time, by the agent's lookup.
 */
export function refuseLiteralHost(url: URL, allowed: AllowedNetworks): string | null {
  if (classifyAddress(url.hostname).kind === 'not-an-address') return null;
  return refuseAddress(url.hostname, allowed);
}

/**
 * An undici agent whose every connection resolves its host name through `resolve` and refuses to
 * connect when any of the answers is an internal address outside `allowed`.
 * Why: async, as undici is loaded on the first fetch: a show with no remote assets never compiles it at start.
 */
export async function guardedAgent(resolve: Resolve, allowed: AllowedNetworks): Promise<Agent> {
  const { Agent } = await import('./undici');
  const lookup: LookupFunction = (hostname, options, callback) => {
    resolve(hostname)
      .then((answers) => {
        // Why: every answer is checked, not only the one used, so a rebinding name that mixes a public
        // and an internal address is refused whichever one the connection would have tried.
        for (const answer of answers) {
          const refused = refuseAddress(answer.address, allowed);
          if (refused !== null) throw new RefusedAddressError(`${hostname} resolves to ${refused}`);
        }
        const usable = answers.filter((a) => !options.family || a.family === options.family);
        const first = usable[0];
        if (first === undefined) {
          throw Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
        }
        if (options.all === true)
          callback(
            null,
            usable.map((a) => ({ ...a })),
          );
        else callback(null, first.address, first.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, ''));
  };
  return new Agent({ connect: { lookup } });
}
