import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AssetServer, startAssetServer } from '../host/cache/assetServer';
import { runMarquee } from '../support/runMarquee';

let server: AssetServer;
let dir: string;

const playlist = (logos: readonly string[]) => ({
  version: 1,
  event: { name: 'Flink Forward China 2018', timezone: 'Asia/Shanghai', languages: ['zh', 'en'] },
  theme: { logo: 'https://assets.test/event.svg' },
  slides: [
    {
      type: 'sponsors',
      id: 'wall',
      tiers: [{ name: 'Gold', sponsors: logos.map((logo, i) => ({ name: `Sponsor ${i + 1}`, logo })) }],
    },
    { type: 'qr', id: 'qr', title: 'Slides', url: 'https://never-fetched.test/slides' },
  ],
});

beforeAll(async () => {
  server = await startAssetServer();
  const svg = (n: number) => `<svg xmlns="http://www.w3.org/2000/svg"><text>${n}</text></svg>`;
  server.routes.set('/event.svg', { type: 'image/svg+xml', body: svg(0) });
  server.routes.set('/a.svg', { type: 'image/svg+xml', body: svg(1) });
  server.routes.set('/b.png', { type: 'image/png', body: Buffer.alloc(2048, 7) });
  dir = await mkdtemp(join(tmpdir(), 'marquee-cli-prefetch-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('marquee prefetch', { timeout: 180_000 }, () => {
  it('fills the cache, prints a line per file and a summary, exits 0; a second run finds everything cached', async () => {
    const file = join(dir, 'ok.json');
    await writeFile(
      file,
      JSON.stringify(playlist(['https://assets.test/a.svg', 'https://assets.test/b.png'])),
    );
    const cacheDir = join(dir, 'cache-ok');
    const args = ['prefetch', file, '--cache-dir', cacheDir, '--test-fetch-from', server.origin];
    const first = await runMarquee(args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Fetching 3 remote assets into ${cacheDir}`);
    expect(first.stdout).toMatch(/^\d\/3 {2}fetched +2\.0 kB {2}https:\/\/assets\.test\/b\.png$/m);
    expect(first.stdout).toContain('3 fetched, 0 already cached, 0 failed');
    expect(first.stdout).not.toContain('never-fetched');
    expect(await readdir(join(cacheDir, 'files'))).toHaveLength(3);

    const second = await runMarquee(args);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('0 fetched, 3 already cached, 0 failed');
    expect(server.hits.get('/b.png')).toBe(1);
  });

  it('exits 1 and names each failed asset with its reason', async () => {
    const file = join(dir, 'some-missing.json');
    await writeFile(
      file,
      JSON.stringify(playlist(['https://assets.test/a.svg', 'https://assets.test/gone.png'])),
    );
    const r = await runMarquee([
      'prefetch',
      file,
      '--cache-dir',
      join(dir, 'cache-2'),
      '--test-fetch-from',
      server.origin,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2 fetched, 0 already cached, 1 failed');
    expect(r.stdout).toContain('  ✖ https://assets.test/gone.png\n    the server answered HTTP 404');
  });

  it('exits 2 for an unreadable or invalid playlist and for bad options', async () => {
    const missing = await runMarquee(['prefetch', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json');

    const invalid = join(dir, 'invalid.json');
    await writeFile(invalid, JSON.stringify({ ...playlist(['http://assets.test/a.svg']) }, null, 2));
    const bad = await runMarquee(['prefetch', invalid, '--cache-dir', join(dir, 'cache-3')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid\.json:\d+:\d+/);

    const ok = join(dir, 'ok.json');
    const size = await runMarquee(['prefetch', ok, '--max-cache-mb', 'lots']);
    expect(size.code).toBe(2);
    expect(size.stderr).toContain('--max-cache-mb must be a number of megabytes');
    const origin = await runMarquee(['prefetch', ok, '--test-fetch-from', 'http://example.com']);
    expect(origin.code).toBe(2);
  });
});
