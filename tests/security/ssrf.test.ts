import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseAllowedNetworks } from '../../src/host/cache/addressPolicy';
import { AssetCache } from '../../src/host/cache/assetCache';
import type { FetchPolicy } from '../../src/host/cache/fetchAsset';
import { type AssetServer, startAssetServer } from '../host/cache/assetServer';

// Issue 11 §3: a playlist (or a sponsor's logo URL that redirects) made the host fetch from its own
// machine and the venue's LAN and serve the answer on /cache/. Every server here is on 127/8.

const SVG = '<svg xmlns="http://www.w3.org/2000/svg"/>';
let internal: AssetServer;
let venue: AssetServer;
let dir: string;

beforeAll(async () => {
  internal = await startAssetServer('127.0.0.1');
  venue = await startAssetServer('127.0.0.2');
});
afterAll(async () => {
  await internal.close();
  await venue.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marquee-ssrf-'));
  internal.routes.set('/secret.svg', { type: 'image/svg+xml', body: SVG });
  venue.routes.set('/logo.svg', { type: 'image/svg+xml', body: SVG });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const networks = (...entries: string[]): FetchPolicy['allowedNetworks'] => {
  const parsed = parseAllowedNetworks(entries);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.networks;
};

/** Fetches one URL with `policy` (http allowed on loopback names, as tests need) and returns why it failed, or null. */
async function failureOf(url: string, policy: Partial<FetchPolicy> = {}): Promise<string | null> {
  const cache = await AssetCache.open({
    dir,
    policy: { allowHttpLoopback: true, timeoutMs: 10_000, ...policy },
  });
  const summary = await cache.prefetch([url]);
  return summary.failed[0]?.reason ?? null;
}

const port = (server: AssetServer): string => new URL(server.origin).port;

describe('the asset cache refuses internal addresses (SSRF)', () => {
  it('refuses a loopback address without connecting to it', async () => {
    const before = internal.connections();
    expect(await failureOf(`${internal.origin}/secret.svg`)).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(internal.connections()).toBe(before);
  });

  it.each([
    'https://0x7f000001:PORT/secret.svg',
    'https://2130706433:PORT/secret.svg',
    'https://127.1:PORT/secret.svg',
    'https://017700000001:PORT/secret.svg',
    'https://[::ffff:127.0.0.1]:PORT/secret.svg',
    'https://[::ffff:7f00:1]:PORT/secret.svg',
  ])('refuses the numeric form %s before connecting', async (template) => {
    const before = internal.connections();
    const reason = await failureOf(template.replace('PORT', port(internal)));
    expect(reason).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(internal.connections()).toBe(before);
  });

  it('resolves names first: localhost is refused as loopback', async () => {
    const before = internal.connections();
    expect(await failureOf(`http://localhost:${port(internal)}/secret.svg`)).toMatch(/loopback/);
    expect(internal.connections()).toBe(before);
  });

  it.each([
    ['10.1.2.3', /private network/],
    ['169.254.169.254', /link-local/],
    ['100.64.0.9', /carrier-grade NAT/],
    ['fd12::1', /unique-local/],
    ['239.1.2.3', /multicast/],
  ])('refuses a name whose DNS answer is %s', async (address, words) => {
    const family = address.includes(':') ? 6 : 4;
    const reason = await failureOf(`https://assets.sponsor.example/logo.svg`, {
      resolve: async () => [{ address, family }],
    });
    expect(reason).toMatch(words);
  });

  it('refuses a name with any internal answer among public ones (rebinding)', async () => {
    const before = internal.connections();
    const reason = await failureOf(`http://localhost:${port(internal)}/secret.svg`, {
      resolve: async () => [
        { address: '93.184.215.14', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
    });
    expect(reason).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(internal.connections()).toBe(before);
  });

  it('refuses every redirect hop into the LAN, even from an allowed venue server', async () => {
    venue.routes.set('/redirect.svg', {
      status: 302,
      headers: { Location: `${internal.origin}/secret.svg` },
      body: '',
    });
    venue.routes.set('/to-metadata.svg', {
      status: 301,
      headers: { Location: 'https://metadata.cloud.example/latest/meta-data/' },
      body: '',
    });
    const policy: Partial<FetchPolicy> = {
      allowedNetworks: networks('127.0.0.2'),
      resolve: async (name) => [
        { address: name === 'localhost' ? '127.0.0.2' : '169.254.169.254', family: 4 },
      ],
    };
    const before = internal.connections();
    const venueUrl = (path: string) => `http://localhost:${port(venue)}${path}`;
    expect(await failureOf(venueUrl('/redirect.svg'), policy)).toMatch(
      /redirected to a refused URL: 127\.0\.0\.1 is a loopback address/,
    );
    expect(internal.connections()).toBe(before);
    expect(await failureOf(venueUrl('/to-metadata.svg'), policy)).toMatch(
      /169\.254\.169\.254 is a link-local/,
    );
    expect(venue.hits.get('/redirect.svg')).toBe(1);
  });

  it('fetches from an internal server the venue lists, connecting to the address DNS answered', async () => {
    const policy: Partial<FetchPolicy> = {
      allowedNetworks: networks('127.0.0.2/32'),
      resolve: async () => [{ address: '127.0.0.2', family: 4 }],
    };
    expect(await failureOf(`http://localhost:${port(venue)}/logo.svg`, policy)).toBeNull();
    expect(venue.hits.get('/logo.svg')).toBe(1);
  });
});
