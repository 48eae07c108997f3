import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyHost, type HostPolicy, parseHost } from '../../../src/host/http/hostAllowList';

const LOCAL: HostPolicy = { listen: '127.0.0.1', allowedHosts: [], localAddresses: [] };

const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
const withPort = (host: string, p: number | undefined): string => (p === undefined ? host : `${host}:${p}`);
// Why: not "ab--…": hyphens in the 3rd and 4th place are reserved (RFC 5891), and "xn--a" is an invalid IDNA
// A-label that the URL parser refuses: malformed, not merely not served (fast-check found it once).
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/).filter((l) => l.slice(2, 4) !== '--');
/** A DNS name of letters (so never an IPv4 form) that is not a loopback name. */
const foreignName = fc
  .array(label, { minLength: 1, maxLength: 4 })
  .map((labels) => [...labels, 'example'].join('.'))
  .filter((name) => name !== 'localhost' && !name.endsWith('.localhost'));
const randomCase = (text: string, flips: readonly boolean[]): string =>
  [...text].map((c, i) => (flips[i % Math.max(1, flips.length)] ? c.toUpperCase() : c)).join('');
const octet = fc.integer({ min: 0, max: 255 });

/** The ways a browser or a hand-written client may spell an IPv4 address. */
function ipv4Forms(a: number, b: number, c: number, d: number): readonly string[] {
  const n = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
  return [
    `${a}.${b}.${c}.${d}`,
    String(n),
    `0x${n.toString(16)}`,
    `0${a.toString(8)}.${b}.${c}.${d}`,
    `${a}.${(b << 16) + (c << 8) + d}`,
    `[::ffff:${a}.${b}.${c}.${d}]`,
  ];
}

describe('classifyHost', () => {
  it('answers every spelling of a loopback address, with or without a port', () => {
    fc.assert(
      fc.property(octet, octet, octet, port, (b, c, d, p) => {
        for (const form of ipv4Forms(127, b, c, d)) {
          expect(classifyHost(withPort(form, p), LOCAL), form).toEqual({ ok: true, why: 'loopback' });
        }
      }),
    );
    for (const host of [
      '[::1]',
      '[0:0:0:0:0:0:0:1]',
      '[::ffff:7f00:1]:80',
      'LOCALHOST.',
      'app.localhost:7770',
    ])
      expect(classifyHost(host, LOCAL).ok, host).toBe(true);
  });

  it('refuses every name that is not loopback or allowed, in any case, with a trailing dot or a port', () => {
    fc.assert(
      fc.property(foreignName, fc.array(fc.boolean()), fc.boolean(), port, (name, flips, dot, p) => {
        const header = withPort(randomCase(name, flips) + (dot ? '.' : ''), p);
        expect(classifyHost(header, LOCAL)).toEqual({ ok: false, why: 'not-served' });
      }),
    );
  });

  it('calls a name with an invalid IDNA label malformed', () => {
    expect(classifyHost('xn--a.a.example', LOCAL)).toEqual({ ok: false, why: 'malformed' });
  });

  it('refuses names that merely contain a loopback name or address', () => {
    for (const host of [
      'localhost.evil.example',
      '127.0.0.1.evil.example',
      'evil-localhost',
      'localhostx',
      '127.0.0.1.nip.io:7770',
    ]) {
      expect(classifyHost(host, LOCAL), host).toEqual({ ok: false, why: 'not-served' });
    }
  });

  it('calls anything but host[:port] malformed: paths, user info, spaces, bad ports, IPv6 without brackets', () => {
    for (const host of [
      'evil.example/@127.0.0.1',
      'evil.example@127.0.0.1',
      'evil.example#.localhost',
      '127.0.0.1 evil',
      'localhost:99999',
      'localhost:7770:1',
      '::1',
      '[::1',
      '1.2.3.4.5',
      '127.0.0.08',
      'a..localhost',
      '.localhost',
      'lоcalhost',
    ]) {
      expect(classifyHost(host, LOCAL), host).toEqual({ ok: false, why: 'malformed' });
    }
  });

  it('never throws and answers only what a policy serves, whatever the header', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (header) => {
        const verdict = classifyHost(header, LOCAL);
        if (verdict.ok && header !== '') {
          const parsed = parseHost(header);
          expect(parsed).not.toBeNull();
          expect(verdict.why).toBe('loopback');
        }
      }),
    );
  });

  it('answers the address it listens on, and on a wildcard only the machine’s own addresses', () => {
    fc.assert(
      fc.property(octet, octet, octet, port, (b, c, d, p) => {
        const address = `10.${b}.${c}.${d}`;
        const forms = ipv4Forms(10, b, c, d);
        for (const form of forms) {
          expect(classifyHost(withPort(form, p), { ...LOCAL, listen: address }).ok, form).toBe(true);
          const wildcard = { listen: '0.0.0.0', allowedHosts: [], localAddresses: [address] };
          expect(classifyHost(withPort(form, p), wildcard).ok, form).toBe(true);
          expect(
            classifyHost(withPort(form, p), { ...wildcard, localAddresses: ['10.255.255.256'] }).ok,
          ).toBe(false);
        }
      }),
    );
    const v6 = { listen: '::', allowedHosts: [], localAddresses: ['fd00::20'] };
    expect(classifyHost('[FD00:0::20]:7770', v6)).toEqual({ ok: true, why: 'local-address' });
    expect(classifyHost('[fd00::21]:7770', v6).ok).toBe(false);
    expect(classifyHost('kiosk.example', { ...LOCAL, listen: 'Kiosk.Example.' }).ok).toBe(true);
  });

  it('answers allowedHosts names in any case and spelling, and subdomains only for a ".name" entry', () => {
    fc.assert(
      fc.property(
        foreignName,
        label,
        fc.array(fc.boolean()),
        fc.boolean(),
        port,
        (name, sub, flips, dot, p) => {
          const header = (host: string) => withPort(randomCase(host, flips) + (dot ? '.' : ''), p);
          const exact = { ...LOCAL, allowedHosts: [name] };
          expect(classifyHost(header(name), exact)).toEqual({ ok: true, why: 'allowed-host' });
          expect(classifyHost(header(`${sub}.${name}`), exact).ok).toBe(false);
          expect(classifyHost(header(`${sub}${name}`), { ...LOCAL, allowedHosts: [`.${name}`] }).ok).toBe(
            false,
          );
          expect(classifyHost(header(`${sub}.${name}`), { ...LOCAL, allowedHosts: [`.${name}`] }).ok).toBe(
            true,
          );
        },
      ),
    );
  });

  it('answers a request without Host (HTTP/1.0; no browser sends one)', () => {
    expect(classifyHost(undefined, LOCAL)).toEqual({ ok: true, why: 'no-host' });
  });
});
