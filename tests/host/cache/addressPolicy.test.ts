import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AllowedNetworks,
  classifyAddress,
  parseAllowedNetworks,
  refuseAddress,
} from '../../../src/host/cache/addressPolicy';

/** IPv4 ranges that must never be fetched from, as [first address as a 32-bit number, prefix bits, range]. */
const INTERNAL_V4: readonly (readonly [number, number, string])[] = [
  [0x7f000000, 8, 'loopback'],
  [0x0a000000, 8, 'private'],
  [0xac100000, 12, 'private'],
  [0xc0a80000, 16, 'private'],
  [0xa9fe0000, 16, 'linkLocal'],
  [0x64400000, 10, 'carrierGradeNat'],
  [0xe0000000, 4, 'multicast'],
  [0x00000000, 8, 'unspecified'],
];

/** Whole /8s with no special-purpose range inside, so every address in them is public. */
const PUBLIC_V4_OCTETS = [8, 13, 20, 34, 52, 61, 89, 104, 142, 151, 185, 211];

const dotted = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
const hex16 = (n: number) => `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;

/** Every way of writing one IPv4 address that a URL or a resolver may hand over. */
const forms = (n: number): readonly string[] => [
  dotted(n),
  String(n >>> 0),
  `0x${(n >>> 0).toString(16)}`,
  `::ffff:${dotted(n)}`,
  `::ffff:${hex16(n)}`,
  `[::ffff:${dotted(n)}]`,
  new URL(`https://${dotted(n)}/`).hostname,
  new URL(`https://0x${(n >>> 0).toString(16)}/`).hostname,
  new URL(`https://[::ffff:${dotted(n)}]/`).hostname,
];

const internalV4 = fc
  .constantFrom(...INTERNAL_V4)
  .chain(([base, bits, range]) =>
    fc
      .integer({ min: 0, max: 2 ** (32 - bits) - 1 })
      .map((offset) => [(base + offset) >>> 0, range] as const),
  );

const publicV4 = fc
  .tuple(fc.constantFrom(...PUBLIC_V4_OCTETS), fc.integer({ min: 0, max: 2 ** 24 - 1 }))
  .map(([octet, rest]) => ((octet << 24) | rest) >>> 0);

const networksOf = (...entries: string[]): AllowedNetworks => {
  const parsed = parseAllowedNetworks(entries);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.networks;
};

describe('classifyAddress', () => {
  it('names the range of every internal IPv4 address, in every form it can be written', () => {
    fc.assert(
      fc.property(internalV4, ([n, range]) => {
        for (const form of forms(n)) {
          expect(classifyAddress(form)).toEqual({ kind: 'internal', address: dotted(n), range });
        }
      }),
    );
  });

  it('finds public IPv4 addresses public in every form', () => {
    fc.assert(
      fc.property(publicV4, (n) => {
        for (const form of forms(n))
          expect(classifyAddress(form)).toEqual({ kind: 'public', address: dotted(n) });
      }),
    );
  });

  it('finds unique-local, link-local, multicast and non-global IPv6 internal', () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((g) => g.toString(16));
    const tail = fc.array(group, { minLength: 6, maxLength: 6 }).map((gs) => gs.join(':'));
    const v6 = (first: fc.Arbitrary<number>) =>
      fc.tuple(first, group, tail).map(([a, b, rest]) => `${a.toString(16)}:${b}:${rest}`);
    fc.assert(
      fc.property(v6(fc.integer({ min: 0xfc00, max: 0xfdff })), (a) => {
        expect(classifyAddress(a)).toMatchObject({ kind: 'internal', range: 'uniqueLocal' });
      }),
    );
    fc.assert(
      fc.property(v6(fc.integer({ min: 0xff00, max: 0xffff })), (a) => {
        expect(classifyAddress(a)).toMatchObject({ kind: 'internal', range: 'multicast' });
      }),
    );
    fc.assert(
      fc.property(v6(fc.integer({ min: 0x4000, max: 0xfbff })), (a) => {
        expect(classifyAddress(a).kind).toBe('internal');
      }),
    );
    expect(classifyAddress('fe80::1')).toMatchObject({ kind: 'internal', range: 'linkLocal' });
    expect(classifyAddress('[::1]')).toMatchObject({ kind: 'internal', range: 'loopback' });
    expect(classifyAddress('2606:4700::1111')).toEqual({ kind: 'public', address: '2606:4700::1111' });
  });

  it('refuses IPv6 forms that carry an internal IPv4 address (NAT64, 6to4)', () => {
    fc.assert(
      fc.property(internalV4, ([n]) => {
        expect(classifyAddress(`64:ff9b::${hex16(n)}`).kind).toBe('internal');
        expect(classifyAddress(`2002:${hex16(n)}::1`).kind).toBe('internal');
      }),
    );
  });

  it('says a host name is not an address', () => {
    for (const name of ['localhost', 'assets.example.com', 'xn--fiqs8s.example', '127.0.0.1.nip.io']) {
      expect(classifyAddress(name)).toEqual({ kind: 'not-an-address' });
    }
  });
});

describe('refuseAddress with allowed networks', () => {
  it('allows an internal IPv4 address exactly when a listed network holds it', () => {
    fc.assert(
      fc.property(
        internalV4,
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 8, max: 32 }),
        ([n], base, bits) => {
          const mask = (~0 << (32 - bits)) >>> 0;
          const inside = (n & mask) >>> 0 === (base & mask) >>> 0;
          const allowed = networksOf(`${dotted((base & mask) >>> 0)}/${bits}`);
          for (const form of forms(n)) expect(refuseAddress(form, allowed) === null).toBe(inside);
        },
      ),
    );
  });

  it('always allows public addresses and names the range of a refused one', () => {
    fc.assert(
      fc.property(publicV4, (n) => {
        expect(refuseAddress(dotted(n), [])).toBeNull();
      }),
    );
    expect(refuseAddress('169.254.169.254', networksOf('10.0.0.0/8'))).toMatch(
      /169\.254\.169\.254 is a link-local address .*allowedAssetNetworks/,
    );
  });

  it('reads single addresses and networks, and explains a bad entry', () => {
    expect(parseAllowedNetworks(['10.20.0.5', ' 10.30.0.0/16 ', 'fd00::/8']).ok).toBe(true);
    expect(parseAllowedNetworks(['10.20.0.0/33'])).toEqual({
      ok: false,
      message: expect.stringContaining('"10.20.0.0/33" is not an address or ADDRESS/BITS network'),
    });
    expect(parseAllowedNetworks(['assets.venue.lan']).ok).toBe(false);
  });
});
