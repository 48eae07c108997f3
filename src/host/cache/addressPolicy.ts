import ipaddr from 'ipaddr.js';

/** What an address is, for deciding whether the asset cache may connect to it. */
export type AddressClass =
  | Readonly<{ kind: 'public'; address: string }>
  | Readonly<{ kind: 'internal'; address: string; range: string }>
  | Readonly<{ kind: 'not-an-address' }>;

/** Networks a venue opts into (its internal asset server), as parsed `ADDRESS/BITS` pairs. */
export type AllowedNetworks = readonly (readonly [ipaddr.IPv4 | ipaddr.IPv6, number])[];

// Why: only global unicast is reachable from the internet; IPv6 outside 2000::/3 (and every embedding
// of IPv4 in IPv6: NAT64, 6to4, Teredo) could lead back into the LAN, so it counts as internal too.
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/**
 * Classifies an IP address written in any form the URL parser or a resolver may hand over (`127.1`,
 * `0x7f000001`, `2130706433`, `[::ffff:127.0.0.1]`, `fe80::1%eth0`): public (global unicast),
 * internal with its range (`loopback`, `private`, `linkLocal`, `carrierGradeNat`, `uniqueLocal`,
 * `multicast`, …), or not an address at all (a host name).
 */
export function classifyAddress(text: string): AddressClass {
  const bare = text.replace(/^\[(.*)\]$/, '$1');
  if (!ipaddr.isValid(bare)) return { kind: 'not-an-address' };
  const parsed = ipaddr.process(bare);
  const address = parsed.toString();
  const range = parsed.range();
  if (range !== 'unicast') return { kind: 'internal', address, range };
  if (parsed.kind() === 'ipv6' && !parsed.match(GLOBAL_UNICAST_V6)) {
    return { kind: 'internal', address, range: 'reserved' };
  }
  return { kind: 'public', address };
}

/** Parses `ADDRESS` or `ADDRESS/BITS` entries, or says which entry is wrong and how to write it. */
export function parseAllowedNetworks(
  entries: readonly string[],
): Readonly<{ ok: true; networks: AllowedNetworks }> | Readonly<{ ok: false; message: string }> {
  const networks: (readonly [ipaddr.IPv4 | ipaddr.IPv6, number])[] = [];
  for (const entry of entries) {
    const text = entry.trim();
    if (ipaddr.isValidCIDR(text)) {
      networks.push(ipaddr.parseCIDR(text));
    } else if (ipaddr.isValid(text)) {
      const address = ipaddr.process(text);
      networks.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else {
      return {
        ok: false,
        message: `"${entry}" is not an address or ADDRESS/BITS network, e.g. "10.20.0.5" or "10.20.0.0/24"`,
      };
    }
  }
  return { ok: true, networks };
}

/**
 * Why the asset cache may not connect to `address`, or null when it may: public addresses always may,
 * internal ones only inside one of `allowed`.
 */
export function refuseAddress(address: string, allowed: AllowedNetworks): string | null {
  const found = classifyAddress(address);
  if (found.kind === 'public') return null;
  if (found.kind === 'not-an-address') return `${address} is not an IP address`;
  const parsed = ipaddr.process(found.address);
  if (allowed.some(([base, bits]) => base.kind() === parsed.kind() && parsed.match([base, bits]))) {
    return null;
  }
  const words = RANGE_WORDS[found.range] ?? `a special-purpose address (${found.range})`;
  return `${found.address} is ${words}; assets are fetched only from public addresses unless the allowedAssetNetworks setting lists it`;
}

const RANGE_WORDS: Readonly<Record<string, string>> = {
  loopback: 'a loopback address (this machine)',
  private: 'a private network address',
  linkLocal: 'a link-local address (cloud metadata services answer on 169.254.169.254)',
  carrierGradeNat: 'a carrier-grade NAT address',
  uniqueLocal: 'a unique-local IPv6 address',
  multicast: 'a multicast address',
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
};
